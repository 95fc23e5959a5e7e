package dev.chatstream.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code chatstream bench}, the end-to-end load harness. Starts an embedded Kafka broker (free
 * port, temporary directory) and a {@link SimulatedOpenAiServer} on loopback (in a JVM of its own,
 * see {@link ServerProcess}, unless asked to run it in this one), then runs the chosen
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

  /**
   * Runs {@code settings}, reporting progress, and returns the results. A phase that fails is
   * reported in {@link BenchReport#failures()} and the run goes on with the next one.
   */
  public static BenchReport run(BenchSettings settings, Progress progress) {
    Instant started = Instant.now();
    long start = System.nanoTime();
    progress.milestone("starting the embedded Kafka broker and the simulated LLM server");
    try (BenchEnvironment environment = BenchEnvironment.start(settings.server(), settings.pipelineSettings(),
        settings.inProcessServer())) {
      Phases phases = new Phases(progress);
      List<TtftResult> ttft = new ArrayList<>();
      if (settings.phases().contains(Phase.TTFT)) {
        for (String guarantee : settings.guarantees()) {
          TtftResult result = phases.run("ttft under " + guarantee, settings.ttftSamples() + " paired samples, "
                  + settings.ttftConcurrency() + " at a time",
              () -> new TtftPhase(environment, settings, progress).run(guarantee),
              done -> "overhead p50 " + (done.overhead() == null ? "n/a" : Format.millis(done.overhead().p50Ms())
                  + ", p99 " + Format.millis(done.overhead().p99Ms())));
          if (result != null) {
            ttft.add(result);
          }
        }
      }
      ConcurrencyResult concurrency = !settings.phases().contains(Phase.CONCURRENCY) ? null : phases.run("concurrency",
          Format.count(settings.inflight()) + " generations in flight over " + Format.count(settings.conversations())
              + " conversations, " + settings.window().toSeconds() + " s window",
          () -> new ConcurrencyPhase(environment, settings, progress).run(),
          done -> Format.count(done.completedPerSecond()) + " completed/s, " + Format.percent(done.shareOfIdeal())
              + " of ideal");
      IngestResult ingest = !settings.phases().contains(Phase.INGEST) ? null : phases.run("ingest",
          Format.count(settings.ingestItems()) + " items, then " + Format.count(settings.chunkTokens()) + "-token replies",
          () -> new IngestPhase(environment, settings, progress).run(),
          done -> Format.count(done.itemsPerSecond()) + " items/s, " + Format.count(done.chunkTokensPerSecond()) + " tokens/s in "
              + Format.count(done.chunksPerSecond()) + " chunk events/s");
      GrowthResult growth = !settings.phases().contains(Phase.GROWTH) ? null : phases.run("growth",
          "conversations of " + settings.growthLengths() + " items",
          () -> new GrowthPhase(environment, settings, progress).run(),
          done -> String.format(Locale.ROOT, "append at the longest length costs %.2f× the shortest",
              done.appendGrowth()));
      ReprocessResult reprocess = !settings.phases().contains(Phase.REPROCESS) ? null : phases.run("reprocess",
          "a log of " + Format.count(settings.reprocessConversations()) + " conversations recorded, then replayed",
          () -> new ReprocessPhase(environment, settings, progress).run(),
          done -> Format.count(done.requestsPerSecond()) + " requests/s, " + Format.count(done.recordsPerSecond())
              + " records/s");
      progress.finish();
      RunInfo run = RunInfo.of(settings, started.toString(), (System.nanoTime() - start) / 1e9);
      return BenchReport.of(run, ttft, concurrency, ingest, growth, reprocess, phases.failures);
    }
  }

  /** Runs phases one by one, announcing each, timing it and keeping the failures. */
  private static final class Phases {
    private static final Logger LOG = LoggerFactory.getLogger(Bench.class);

    private final Progress progress;
    private final List<String> failures = new ArrayList<>();

    Phases(Progress progress) {
      this.progress = progress;
    }

    <T> T run(String name, String plan, Supplier<T> phase, Function<T, String> summary) {
      progress.milestone(name + ": " + plan);
      // each phase starts from a collected heap, so its memory figures are not the last phase's garbage
      System.gc();
      long start = System.nanoTime();
      try {
        T result = phase.get();
        progress.milestone(name + ": " + summary.apply(result) + since(start));
        return result;
      } catch (RuntimeException e) {
        LOG.error("bench phase {} failed", name, e);
        failures.add(name + ": " + e.getMessage());
        progress.milestone(name + ": failed: " + e.getMessage() + since(start));
        return null;
      }
    }

    private static String since(long startNanos) {
      return String.format(Locale.ROOT, " (%.0f s)", (System.nanoTime() - startNanos) / 1e9);
    }
  }
}
