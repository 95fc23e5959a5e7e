package dev.chatstream.pipeline.bench;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Phase 2: generations in flight and completed per second against the ideal.
 *
 * @param requestedInflight the generations in flight asked for
 * @param inflight the generations kept in flight (fewer when the open-file limit allows fewer)
 * @param limitNote why {@code inflight} is below the request, or null
 * @param conversations conversations the generations were spread over
 * @param replyMs how long one reply streams from the server
 * @param windowSeconds length of the measurement window
 * @param serverStreamsAvg replies streaming at the server, averaged over the window
 * @param serverStreamsMax the most replies streaming at once at the server during the window
 * @param completedPerSecond replies completed per second in the window
 * @param idealPerSecond {@code inflight / reply duration}: the rate if the pipeline added nothing
 * @param connectorPerSecond completions per second of the connector alone (no Kafka) with as many
 *     generations in flight against the same server: what this machine allows before the pipeline
 * @param failedGenerations generations that failed for good in the window (after the connector's retries)
 * @param turn time from producing a turn to its completed reply, in the window
 * @param connectorReply how long the connector took for each of those replies (its metrics'
 *     duration): {@code turn} minus this is what Kafka and the pipeline added
 * @param streamThreads how long the stream threads spent in one call, and their CPU use
 * @param resources what the phase used of the machine
 */
public record ConcurrencyResult(
    int requestedInflight,
    int inflight,
    String limitNote,
    int conversations,
    long replyMs,
    double windowSeconds,
    double serverStreamsAvg,
    int serverStreamsMax,
    double completedPerSecond,
    double idealPerSecond,
    double connectorPerSecond,
    long failedGenerations,
    LatencySummary turn,
    LatencySummary connectorReply,
    StreamThreadLoad streamThreads,
    ResourceUse resources) {

  /** Completed per second as a share of the ideal. */
  @JsonProperty("share_of_ideal")
  public double shareOfIdeal() {
    return idealPerSecond == 0 ? 0 : completedPerSecond / idealPerSecond;
  }
}
