package dev.chatstream.bench;

import java.util.List;
import java.util.Map;

/**
 * Where and how a bench run ran: the machine, the JVM and the settings.
 *
 * @param startedAt when the run started (ISO-8601)
 * @param elapsedSeconds how long it took
 * @param cores processors available to the JVM
 * @param java the JVM's name and version
 * @param os the operating system and architecture
 * @param maxHeapBytes the JVM's heap limit
 * @param openFileLimit the process's open-file limit, or -1 when unknown
 * @param ttftMs the simulated server's time to first token
 * @param tokenDelayMs its delay between tokens
 * @param tokens its tokens per reply
 * @param failureRate the share of requests it fails with HTTP 500 (concurrency phase)
 * @param serverInProcess true when the server ran in the bench's process, false in a child JVM
 * @param conversations conversations of the concurrency phase
 * @param inflight generations in flight asked of the concurrency phase
 * @param windowSeconds the measurement window of the concurrency and chunk measurements
 * @param ttftSamples TTFT samples per guarantee
 * @param ttftConcurrency TTFT samples taken at once
 * @param ingestItems items of the ingest phase
 * @param chunkTokens tokens per reply of the chunk measurement
 * @param chunkInflight generations in flight of the chunk measurement
 * @param growthLengths conversation lengths of the growth phase
 * @param phases the phases run
 * @param guarantees the processing guarantees of the TTFT phase (the other phases ran under the first)
 * @param pipelineSettings chatstream settings given to every pipeline
 */
public record RunInfo(
    String startedAt,
    double elapsedSeconds,
    int cores,
    String java,
    String os,
    long maxHeapBytes,
    long openFileLimit,
    long ttftMs,
    long tokenDelayMs,
    int tokens,
    double failureRate,
    boolean serverInProcess,
    int conversations,
    int inflight,
    double windowSeconds,
    int ttftSamples,
    int ttftConcurrency,
    int ingestItems,
    int chunkTokens,
    int chunkInflight,
    List<Integer> growthLengths,
    List<String> phases,
    List<String> guarantees,
    Map<String, String> pipelineSettings) {

  /** The run of {@code settings} on this machine. */
  static RunInfo of(BenchSettings settings, String startedAt, double elapsedSeconds) {
    Runtime runtime = Runtime.getRuntime();
    ServerBehaviour server = settings.server();
    return new RunInfo(startedAt, elapsedSeconds, runtime.availableProcessors(),
        System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
        System.getProperty("os.name") + " " + System.getProperty("os.arch"), runtime.maxMemory(),
        OpenFiles.softLimit(), server.timeToFirstToken().toMillis(), server.tokenDelay().toMillis(), server.tokens(),
        server.failureRate(), settings.inProcessServer(), settings.conversations(), settings.inflight(), settings.window().toMillis() / 1000.0,
        settings.ttftSamples(), settings.ttftConcurrency(), settings.ingestItems(), settings.chunkTokens(),
        settings.chunkInflight(), settings.growthLengths(), settings.phases().stream().map(Phase::id).toList(),
        settings.guarantees(), settings.pipelineSettings());
  }
}
