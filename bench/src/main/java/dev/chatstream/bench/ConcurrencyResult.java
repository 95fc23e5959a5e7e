package dev.chatstream.bench;

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
 * @param stages where the turns spent the rest of their time: before the connector started and after
 *     it ended
 * @param connectorCpuMsPerTurn CPU time per completion of the connector alone, of the bench's process
 *     and the simulated server's together (-1 when the JVM does not report it)
 * @param cpuMsPerTurn CPU time per completed turn in the window, of the bench's process (broker,
 *     pipeline, bench clients) and the simulated server's together (-1 when unknown)
 * @param serverCpuMsPerTurn the simulated server's share of {@code cpuMsPerTurn} (-1 when it runs in
 *     the bench's process)
 * @param connectorProcessCpuMsPerTurn CPU time per completion of the connector alone, of the bench's
 *     process only (-1 when unknown or the server shares the process)
 * @param pipelineProcessCpuMsPerTurn CPU time per completed turn of the bench's process without its own
 *     clients (the load producer and the output consumer): the chatstream process's cost, broker
 *     included (-1 when unknown or the server shares the process)
 * @param streamThreads how long the stream threads spent in one call, and their CPU use
 * @param traffic the records and requests of the stream threads' Kafka clients per turn
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
    TurnStageTimes stages,
    double connectorCpuMsPerTurn,
    double cpuMsPerTurn,
    double serverCpuMsPerTurn,
    double connectorProcessCpuMsPerTurn,
    double pipelineProcessCpuMsPerTurn,
    StreamThreadLoad streamThreads,
    KafkaTraffic traffic,
    ResourceUse resources) {

  /**
   * The cores the ideal rate would take at the CPU cost per turn measured in the window: above the
   * machine's cores, the ideal is out of reach however the work is scheduled. -1 when unknown.
   */
  @JsonProperty("cores_for_ideal")
  public double coresForIdeal() {
    return cpuMsPerTurn < 0 ? -1 : cpuMsPerTurn * idealPerSecond / 1000;
  }

  /** The chatstream process's CPU per turn over the connector alone's, both without the server; -1 when unknown. */
  @JsonProperty("pipeline_to_connector_cpu")
  public double pipelineToConnectorCpu() {
    return connectorProcessCpuMsPerTurn <= 0 || pipelineProcessCpuMsPerTurn < 0 ? -1
        : pipelineProcessCpuMsPerTurn / connectorProcessCpuMsPerTurn;
  }

  /** Completed per second as a share of the ideal. */
  @JsonProperty("share_of_ideal")
  public double shareOfIdeal() {
    return idealPerSecond == 0 ? 0 : completedPerSecond / idealPerSecond;
  }
}
