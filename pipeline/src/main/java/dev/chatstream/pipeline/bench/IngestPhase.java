package dev.chatstream.pipeline.bench;

import dev.chatstream.llm.LlmError;
import dev.chatstream.llm.LlmMetrics;
import dev.chatstream.llm.LlmRequest;
import dev.chatstream.llm.LlmStreamListener;
import dev.chatstream.llm.chat.ChatContext;
import dev.chatstream.llm.chat.ChatMessage;
import dev.chatstream.llm.chat.ChatRole;
import dev.chatstream.llm.stream.ChatChunk;
import dev.chatstream.pipeline.client.ConversationProducer;
import dev.chatstream.pipeline.config.ChatstreamConfig;
import dev.chatstream.pipeline.topology.Topics;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.streams.KafkaStreams;

/**
 * Phase 3: ingest. Items: the input topic is filled with user messages first, then a fresh pipeline
 * starts and the time from its first processed record to its last gives the rate (so the producer
 * does not compete for the CPU). Chunks: the server sends long replies without pause and the
 * pipeline's own producer metrics count chunk records sent over the window; the connector alone is
 * measured the same way for comparison.
 */
final class IngestPhase {
  private static final int ITEMS_PER_CONVERSATION = 200;
  private static final Duration POLL = Duration.ofMillis(10);
  private static final Duration WARM_UP = Duration.ofSeconds(3);
  private static final Duration STALL = Duration.ofSeconds(30);
  private static final int LOAD_ROUNDS = 3;

  private final BenchEnvironment environment;
  private final BenchSettings settings;
  private final Progress progress;

  IngestPhase(BenchEnvironment environment, BenchSettings settings, Progress progress) {
    this.environment = environment;
    this.settings = settings;
    this.progress = progress;
  }

  IngestResult run() {
    int items = settings.ingestItems();
    int conversations = Math.max(1, items / ITEMS_PER_CONVERSATION);
    ResourceProbe itemsResources = ResourceProbe.start();
    double itemsPerSecond = itemRate(items, conversations);
    ResourceUse itemsUse = itemsResources.stop();
    environment.server().behave(ServerBehaviour.of(0, 0, settings.chunkTokens(), 0));
    double connector = connectorChunkRate();
    awaitServerIdle();
    ResourceProbe chunksResources = ResourceProbe.start();
    double chunks = pipelineChunkRate();
    return new IngestResult(items, conversations, itemsPerSecond, settings.chunkTokens(), settings.chunkInflight(),
        chunks, connector, itemsUse, chunksResources.stop());
  }

  private double itemRate(int items, int conversations) {
    try (BenchPipeline pipeline = BenchPipeline.create(environment, "ingest-items", settings.mainGuarantee(), Map.of())) {
      try (ConversationProducer producer = pipeline.bulkProducer()) {
        load(producer, items, conversations);
      }
      progress.status("ingest: starting a pipeline on " + items + " waiting items");
      pipeline.start();
      return processRate(pipeline.streams(), items);
    }
  }

  /** Fills the input topic, sending again what the broker refused (a partition that just moved, say). */
  private void load(ConversationProducer producer, int items, int conversations) {
    List<Integer> pending = IntStream.range(0, items).boxed().toList();
    for (int round = 0; round < LOAD_ROUNDS && !pending.isEmpty(); round++) {
      Map<Integer, Future<RecordMetadata>> sent = new LinkedHashMap<>();
      for (int i : pending) {
        sent.put(i, producer.send(BenchEvents.userMessage("i" + (i % conversations), "user-" + i)));
        if (i % 10_000 == 0) {
          progress.status("ingest: loading " + i + "/" + items + " items into the input topic");
        }
      }
      producer.flush();
      pending = sent.entrySet().stream().filter(entry -> failed(entry.getValue())).map(Map.Entry::getKey).toList();
    }
    if (!pending.isEmpty()) {
      throw new IllegalStateException(pending.size() + " of " + items + " items could not be loaded into the input topic");
    }
  }

  private static boolean failed(Future<RecordMetadata> send) {
    try {
      send.get();
      return false;
    } catch (ExecutionException e) {
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /** Records per second from the first processed record to the {@code expected}-th. */
  private double processRate(KafkaStreams streams, long expected) {
    long first = -1;
    long last = -1;
    long lastProgress = System.nanoTime();
    while (true) {
      long processed = (long) StreamsMetricValues.sum(streams, "stream-thread-metrics", "process-total", tags -> true);
      long now = System.nanoTime();
      if (processed > 0 && first < 0) {
        first = now;
      }
      if (processed >= expected) {
        return expected / ((now - first) / 1e9);
      }
      if (processed != last) {
        last = processed;
        lastProgress = now;
      } else if (now - lastProgress > STALL.toNanos()) {
        throw new IllegalStateException("the pipeline stopped at " + processed + " of " + expected
            + " items processed (no progress for " + STALL.toSeconds() + " s)");
      }
      progress.status("ingest: " + processed + "/" + expected + " items processed");
      BenchPipeline.sleep(POLL);
    }
  }

  private double pipelineChunkRate() {
    int inflight = settings.chunkInflight();
    try (BenchPipeline pipeline = BenchPipeline.create(environment, "ingest-chunks", settings.mainGuarantee(),
        Map.of(ChatstreamConfig.MAX_INFLIGHT_GENERATIONS_CONFIG, String.valueOf(inflight))).start()) {
      ClosedLoop loop = new ClosedLoop(pipeline.producer(), "k", inflight, inflight, true);
      try (OutputTap tap = pipeline.tap(List.of(Topics.REPLIES, Topics.ERRORS), loop)) {
        String chunksTopic = pipeline.topics().chunks();
        loop.start();
        countFor(WARM_UP, () -> sentRecords(pipeline.streams(), chunksTopic), tap, "pipeline warm-up");
        double rate = countFor(settings.window(), () -> sentRecords(pipeline.streams(), chunksTopic), tap,
            "pipeline");
        loop.stop();
        return rate;
      }
    }
  }

  /** Chunks per second the connector alone receives, {@code chunkInflight} generations at a time. */
  private double connectorChunkRate() {
    LongAdder chunks = new LongAdder();
    AtomicLong running = new AtomicLong(1);
    LlmRequest request = LlmRequest.of("ingest-direct", ChatContext.of(ChatMessage.of(ChatRole.USER, BenchEvents.USER_TEXT)));
    LlmStreamListener listener = new LlmStreamListener() {
      @Override
      public void onChunk(ChatChunk chunk) {
        chunks.increment();
      }

      @Override
      public void onComplete(LlmMetrics metrics) {
        next();
      }

      @Override
      public void onError(LlmError error) {
        next();
      }

      private void next() {
        if (running.get() > 0) {
          environment.provider().chat(request, this);
        }
      }
    };
    for (int i = 0; i < settings.chunkInflight(); i++) {
      environment.provider().chat(request, listener);
    }
    Duration window = settings.window().dividedBy(2);
    countFor(WARM_UP, chunks::sum, null, "connector warm-up");
    double rate = countFor(window.isZero() ? Duration.ofSeconds(1) : window, chunks::sum, null, "connector alone");
    running.set(0);
    return rate;
  }

  private void awaitServerIdle() {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (environment.server().openStreams() > 0 && System.nanoTime() < deadline) {
      BenchPipeline.sleep(POLL);
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
