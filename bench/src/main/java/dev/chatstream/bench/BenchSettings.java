package dev.chatstream.bench;

import dev.chatstream.pipeline.config.ChatstreamConfig;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What a bench run measures and how hard it pushes.
 *
 * @param server how the simulated LLM server answers in the concurrency phase (the other phases
 *     derive their own pacing from it: see {@link Bench})
 * @param conversations conversations the concurrency phase spreads its generations over
 * @param inflight generations the concurrency phase keeps in flight
 * @param window how long the concurrency and chunk-throughput measurements last, after warm-up
 * @param ttftSamples TTFT samples per guarantee (each a connector call and a pipeline call)
 * @param ttftConcurrency TTFT samples taken at the same time (light load)
 * @param ingestItems conversation items the ingest phase loads
 * @param chunkTokens tokens per reply in the chunk-throughput measurement
 * @param chunkInflight generations in flight in the chunk-throughput measurement
 * @param growthLengths conversation lengths at which the growth phase measures
 * @param reprocessConversations conversations in the log the reprocess phase records and replays
 * @param phases the phases to run
 * @param guarantees the processing guarantees to measure TTFT under; the other phases run under
 *     the first
 * @param pipelineSettings chatstream settings given to every pipeline, last
 * @param inProcessServer run the simulated LLM server in the bench's own process rather than in a
 *     child JVM (each stream then holds two of the process's descriptors, and the server's CPU counts
 *     as the bench's)
 */
public record BenchSettings(
    ServerBehaviour server,
    int conversations,
    int inflight,
    Duration window,
    int ttftSamples,
    int ttftConcurrency,
    int ingestItems,
    int chunkTokens,
    int chunkInflight,
    List<Integer> growthLengths,
    int reprocessConversations,
    Set<Phase> phases,
    List<String> guarantees,
    Map<String, String> pipelineSettings,
    boolean inProcessServer) {

  /**
   * Validates and copies.
   *
   * @throws IllegalArgumentException naming the setting that makes no sense
   */
  public BenchSettings {
    Objects.requireNonNull(server, "server");
    Objects.requireNonNull(window, "window");
    positive("inflight", inflight);
    positive("ttft samples", ttftSamples);
    positive("ttft concurrency", ttftConcurrency);
    positive("ingest items", ingestItems);
    positive("chunk tokens", chunkTokens);
    positive("chunk inflight", chunkInflight);
    positive("reprocess conversations", reprocessConversations);
    if (conversations < inflight) {
      throw new IllegalArgumentException("conversations (" + conversations + ") must be at least inflight ("
          + inflight + "): a conversation runs one generation at a time");
    }
    if (window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("the measurement window must be > 0");
    }
    growthLengths = List.copyOf(growthLengths);
    if (growthLengths.isEmpty() || growthLengths.stream().anyMatch(length -> length < 1)) {
      throw new IllegalArgumentException("growth lengths must be >= 1, at least one: " + growthLengths);
    }
    if (phases.isEmpty()) {
      throw new IllegalArgumentException("no phase to run");
    }
    phases = Collections.unmodifiableSet(EnumSet.copyOf(phases));
    guarantees = List.copyOf(guarantees);
    if (guarantees.isEmpty()) {
      throw new IllegalArgumentException("no processing guarantee");
    }
    for (String guarantee : guarantees) {
      if (!guarantee.equals(ChatstreamConfig.AT_LEAST_ONCE) && !guarantee.equals(ChatstreamConfig.EXACTLY_ONCE_V2)) {
        throw new IllegalArgumentException("unknown processing guarantee " + guarantee + " (expected "
            + ChatstreamConfig.AT_LEAST_ONCE + " or " + ChatstreamConfig.EXACTLY_ONCE_V2 + ")");
      }
    }
    pipelineSettings = Map.copyOf(pipelineSettings);
  }

  /** The full run: 2-second replies (200 ms to the first of 10 tokens, 200 ms apart), 10,000 in flight. */
  public static BenchSettings full() {
    return new BenchSettings(ServerBehaviour.of(200, 200, 10, 0), 10_000, 10_000, Duration.ofSeconds(60), 200, 4,
        200_000, 2_000, 8, List.of(10, 1_000, 10_000), 10_000, EnumSet.allOf(Phase.class),
        List.of(ChatstreamConfig.AT_LEAST_ONCE, ChatstreamConfig.EXACTLY_ONCE_V2), Map.of(), false);
  }

  /** A smoke run that finishes within two minutes on a small machine: the same phases, smaller numbers. */
  public static BenchSettings quick() {
    return new BenchSettings(ServerBehaviour.of(200, 200, 10, 0), 500, 500, Duration.ofSeconds(8), 24, 4,
        20_000, 1_000, 4, List.of(10, 1_000, 10_000), 500, EnumSet.allOf(Phase.class),
        List.of(ChatstreamConfig.AT_LEAST_ONCE, ChatstreamConfig.EXACTLY_ONCE_V2), Map.of(), false);
  }

  /** The guarantee the concurrency, ingest and growth phases run under. */
  public String mainGuarantee() {
    return guarantees.get(0);
  }

  private static void positive(String name, int value) {
    if (value < 1) {
      throw new IllegalArgumentException(name + " must be >= 1, was " + value);
    }
  }
}
