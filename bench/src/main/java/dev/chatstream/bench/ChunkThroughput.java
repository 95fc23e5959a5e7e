package dev.chatstream.bench;

import dev.chatstream.pipeline.Topics;
import dev.chatstream.pipeline.config.ChatstreamConfig;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import org.apache.kafka.streams.KafkaStreams;

/**
 * How many tokens a pipeline streams per second in its chunk events when the server sends long
 * replies without pause (the replies completed over the window times their tokens), and in how many
 * chunk records (the pipeline's own producer metrics). The connector alone is measured too, in
 * chunks of one token each, to show what the machine allows before Kafka is involved.
 */
final class ChunkThroughput {
  /** Tokens per second carried by chunk events, and chunk events per second. */
  record Rates(double tokensPerSecond, double recordsPerSecond) {}

  private static final Duration WARM_UP = Duration.ofSeconds(3);

  private final BenchEnvironment environment;
  private final BenchSettings settings;
  private final Progress progress;

  ChunkThroughput(BenchEnvironment environment, BenchSettings settings, Progress progress) {
    this.environment = environment;
    this.settings = settings;
    this.progress = progress;
  }

  /** What the pipeline streams per second, {@code chunkInflight} generations at a time. */
  Rates pipeline() {
    int inflight = settings.chunkInflight();
    try (BenchPipeline pipeline = BenchPipeline.create(environment, "ingest-chunks", settings.mainGuarantee(),
        Map.of(ChatstreamConfig.MAX_INFLIGHT_GENERATIONS_CONFIG, String.valueOf(inflight))).start()) {
      ClosedLoop loop = new ClosedLoop(pipeline.producer(), "k", inflight, inflight, true);
      try (OutputTap tap = pipeline.tap(List.of(Topics.REPLIES, Topics.ERRORS), loop)) {
        String chunksTopic = pipeline.topics().chunks().name();
        loop.start(Duration.ZERO);
        countFor(WARM_UP, () -> sentRecords(pipeline.streams(), chunksTopic), tap, "pipeline warm-up");
        long repliesBefore = loop.completed();
        long start = System.nanoTime();
        double records = countFor(settings.window(), () -> sentRecords(pipeline.streams(), chunksTopic), tap,
            "pipeline");
        double seconds = (System.nanoTime() - start) / 1e9;
        double tokens = (loop.completed() - repliesBefore) * (double) settings.chunkTokens() / seconds;
        loop.stop();
        return new Rates(tokens, records);
      }
    }
  }

  /** Chunks per second the connector alone receives, {@code chunkInflight} generations at a time. */
  double connectorAlone() {
    try (ConnectorLoop loop = ConnectorLoop.start(environment.provider(), settings.chunkInflight(), Duration.ZERO)) {
      Duration window = settings.window().dividedBy(2);
      countFor(WARM_UP, loop::chunks, null, "connector warm-up");
      return countFor(window.isZero() ? Duration.ofSeconds(1) : window, loop::chunks, null, "connector alone");
    }
  }

  /** How much {@code counter} grows per second over {@code window}. */
  private double countFor(Duration window, LongSupplier counter, OutputTap tap, String what) {
    long start = System.nanoTime();
    long before = counter.getAsLong();
    long end = start + window.toNanos();
    while (System.nanoTime() < end) {
      if (tap != null) {
        tap.check();
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      progress.status(String.format("ingest: chunks, %s, %.0f/%d s, %.0f chunks/s", what, seconds,
          Math.max(1, window.toSeconds()), seconds > 0 ? (counter.getAsLong() - before) / seconds : 0.0));
      BenchPipeline.sleep(Duration.ofMillis(250));
    }
    return (counter.getAsLong() - before) / ((System.nanoTime() - start) / 1e9);
  }

  /** Records the streams' producers sent to {@code topic} so far. */
  private static long sentRecords(KafkaStreams streams, String topic) {
    return (long) StreamsMetricValues.sum(streams, "producer-topic-metrics", "record-send-total",
        tags -> topic.equals(tags.get("topic")));
  }
}
