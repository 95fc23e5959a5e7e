package dev.chatstream.pipeline.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code chatstream bench}, the end-to-end load harness. Starts an embedded Kafka broker (free
 * port, temporary directory) and a {@link SimulatedOpenAiServer} on loopback, then runs the chosen
 * phases, each against a chatstream service of its own whose default LLM profile is the real OpenAI
 * connector pointed at that server:
 *
 * <ol>
 *   <li>{@link Phase#TTFT}: time to first token of the connector alone and through the pipeline,
 *       sample by sample, at light load, under each processing guarantee;
 *   <li>{@link Phase#CONCURRENCY}: a closed loop of conversation turns keeps generations in flight;
 *       completions per second against the ideal, streams open at the server, the stream threads'
 *       longest calls;
 *   <li>{@link Phase#INGEST}: items into state per second, chunk events produced per second;
 *   <li>{@link Phase#GROWTH}: append and request-build costs at growing conversation lengths, on
 *       real RocksDB stores;
 * </ol>
 * and the peak heap and RSS of each.
 */
public final class Bench {
  private Bench() {}

  /** Runs {@code settings}, reporting progress, and returns the results. */
  public static BenchReport run(BenchSettings settings, Progress progress) {
    Instant started = Instant.now();
    long start = System.nanoTime();
    progress.milestone("starting the embedded Kafka broker and the simulated LLM server");
    try (BenchEnvironment environment = BenchEnvironment.start(settings.server(), settings.pipelineSettings())) {
      List<TtftResult> ttft = new ArrayList<>();
      ConcurrencyResult concurrency = null;
      IngestResult ingest = null;
      GrowthResult growth = null;
      if (settings.phases().contains(Phase.TTFT)) {
        for (String guarantee : settings.guarantees()) {
          progress.milestone("ttft under " + guarantee + ": " + settings.ttftSamples() + " paired samples, "
              + settings.ttftConcurrency() + " at a time");
          long phaseStart = System.nanoTime();
          TtftResult result = new TtftPhase(environment, settings, progress).run(guarantee);
          ttft.add(result);
          progress.milestone("ttft under " + guarantee + ": overhead p50 "
              + (result.overhead() == null ? "n/a" : Format.millis(result.overhead().p50Ms()) + ", p99 "
                  + Format.millis(result.overhead().p99Ms())) + since(phaseStart));
        }
      }
      if (settings.phases().contains(Phase.CONCURRENCY)) {
        progress.milestone("concurrency: " + Format.count(settings.inflight()) + " generations in flight over "
            + Format.count(settings.conversations()) + " conversations, " + settings.window().toSeconds() + " s window");
        long phaseStart = System.nanoTime();
        concurrency = new ConcurrencyPhase(environment, settings, progress).run();
        progress.milestone("concurrency: " + Format.count(concurrency.completedPerSecond()) + " completed/s, "
            + Format.percent(concurrency.shareOfIdeal()) + " of ideal" + since(phaseStart));
      }
      if (settings.phases().contains(Phase.INGEST)) {
        progress.milestone("ingest: " + Format.count(settings.ingestItems()) + " items, then "
            + Format.count(settings.chunkTokens()) + "-token replies");
        long phaseStart = System.nanoTime();
        ingest = new IngestPhase(environment, settings, progress).run();
        progress.milestone("ingest: " + Format.count(ingest.itemsPerSecond()) + " items/s, "
            + Format.count(ingest.chunksPerSecond()) + " chunks/s" + since(phaseStart));
      }
      if (settings.phases().contains(Phase.GROWTH)) {
        progress.milestone("growth: conversations of " + settings.growthLengths() + " items");
        long phaseStart = System.nanoTime();
        growth = new GrowthPhase(environment, settings, progress).run();
        progress.milestone("growth: append at the longest length costs "
            + String.format(Locale.ROOT, "%.2f×", growth.appendGrowth()) + " the shortest" + since(phaseStart));
      }
      progress.finish();
      RunInfo run = RunInfo.of(settings, started.toString(), (System.nanoTime() - start) / 1e9);
      return BenchReport.of(run, ttft, concurrency, ingest, growth);
    }
  }

  private static String since(long startNanos) {
    return String.format(Locale.ROOT, " (%.0f s)", (System.nanoTime() - startNanos) / 1e9);
  }
}
