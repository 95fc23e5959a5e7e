package dev.chatstream.bench;

/**
 * Time to first token under one processing guarantee: the OpenAI connector called directly (from
 * {@code chat(...)} to its first chunk) against the pipeline (from producing {@code generate_reply} to
 * a consumer receiving the first chunk event), against the same simulated server, sample by sample.
 *
 * @param guarantee the pipeline's processing guarantee
 * @param commitIntervalMs the pipeline's commit interval (under exactly-once, chunks become
 *     visible to {@code read_committed} consumers at commits)
 * @param connector the connector's TTFT
 * @param pipeline the pipeline's TTFT
 * @param overhead the pipeline's TTFT minus the connector's, paired sample by sample
 * @param stages where the pipeline's TTFT went
 * @param kafkaHop one trip of a bare record through the broker (produce to consume), timed in the
 *     background during the same phase; the pipeline makes two such trips
 * @param commitLatencyAvgMs how long the pipeline's commits took on average (Kafka Streams'
 *     {@code commit-latency-avg}), or -1 when none happened in the metrics window
 * @param failedSamples samples that got no first chunk in time (left out)
 * @param resources what the phase used of the machine
 */
public record TtftResult(
    String guarantee,
    long commitIntervalMs,
    LatencySummary connector,
    LatencySummary pipeline,
    LatencySummary overhead,
    TtftStages stages,
    LatencySummary kafkaHop,
    double commitLatencyAvgMs,
    int failedSamples,
    ResourceUse resources) {}
