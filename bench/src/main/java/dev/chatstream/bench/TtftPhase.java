package dev.chatstream.bench;

import dev.chatstream.events.LLMMetrics;
import dev.chatstream.llm.LlmError;
import dev.chatstream.llm.LlmMetrics;
import dev.chatstream.llm.LlmRequest;
import dev.chatstream.llm.LlmStreamListener;
import dev.chatstream.llm.chat.ChatContext;
import dev.chatstream.llm.chat.ChatMessage;
import dev.chatstream.llm.chat.ChatRole;
import dev.chatstream.llm.stream.ChatChunk;
import dev.chatstream.pipeline.Topics;
import dev.chatstream.pipeline.client.ConversationProducer;
import dev.chatstream.pipeline.config.ChatstreamConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;

/**
 * Phase 1: time to first token. A few workers (light load) each take pairs of samples against the
 * same simulated server: the connector called directly, then the same one-message conversation
 * through the pipeline. Replies stream all their tokens at once after the first (the reply's length
 * does not change its time to first token), so samples are quick. Before sampling, a burst of quick
 * generations runs through the connector alone and through a pipeline of its own, so the code is
 * measured compiled, as in a service that has been running, while the measured pipeline starts with
 * empty state (the burst's state would make a commit of the measurement window flush far more than
 * the measured load does); the first few pairs of every worker are left out too. Meanwhile {@link KafkaHops} times bare trips through the broker, to tell the broker's share of
 * the overhead.
 */
final class TtftPhase {
  private static final int WARMUP_PAIRS = 3;
  /** Quick generations per sample taken, run before sampling (at most {@link #WARMUP_TURNS_MAX}). */
  private static final int WARMUP_TURNS_PER_SAMPLE = 10;
  private static final int WARMUP_TURNS_MAX = 2_000;
  private static final int WARMUP_INFLIGHT = 32;
  private static final Duration WARMUP_LIMIT = Duration.ofSeconds(30);
  private static final Duration SAMPLE_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration METRICS_TIMEOUT = Duration.ofSeconds(2);

  private final BenchEnvironment environment;
  private final BenchSettings settings;
  private final Progress progress;

  TtftPhase(BenchEnvironment environment, BenchSettings settings, Progress progress) {
    this.environment = environment;
    this.settings = settings;
    this.progress = progress;
  }

  TtftResult run(String guarantee) {
    String name = "ttft-" + (guarantee.equals(ChatstreamConfig.EXACTLY_ONCE_V2) ? "eos" : "alo");
    try (BenchPipeline warm = BenchPipeline.create(environment, name + "-warm", guarantee, Map.of()).start()) {
      warmUp(warm, name, guarantee);
    }
    ResourceProbe resources = ResourceProbe.start();
    try (BenchPipeline pipeline = BenchPipeline.create(environment, name, guarantee, Map.of()).start()) {
      environment.server().behave(settings.server().withoutFailures().withTokenDelay(Duration.ZERO));
      FirstChunks firstChunks = new FirstChunks();
      List<String> outputs = List.of(Topics.CHUNKS, Topics.REPLIES, Topics.ERRORS, Topics.METRICS);
      try (OutputTap tap = pipeline.tap(outputs, firstChunks); KafkaHops hops = KafkaHops.start(pipeline)) {
        TtftSamples samples = new TtftSamples();
        List<Thread> workers = new ArrayList<>();
        int concurrency = Math.min(settings.ttftConcurrency(), settings.ttftSamples());
        for (int w = 0; w < concurrency; w++) {
          int quota = settings.ttftSamples() / concurrency + (w < settings.ttftSamples() % concurrency ? 1 : 0);
          Worker worker = new Worker(name + "-w" + w, quota, pipeline.producer(), firstChunks, samples);
          workers.add(Thread.ofPlatform().name("bench-ttft-" + w).start(worker::run));
        }
        awaitWorkers(workers, samples, tap, guarantee);
        double commitLatency = StreamsMetricValues.max(pipeline.streams(), "stream-thread-metrics",
            "commit-latency-avg").orElse(-1);
        return new TtftResult(guarantee, pipeline.config().commitInterval().toMillis(), samples.connector(),
            samples.pipeline(), samples.overhead(), samples.stages(), hops.stop(), commitLatency, samples.failed(),
            resources.stop());
      }
    } finally {
      resources.close();
    }
  }

  /** Runs quick generations through the connector alone, then through the pipeline, and waits for them to end. */
  private void warmUp(BenchPipeline pipeline, String name, String guarantee) {
    int turns = Math.min(WARMUP_TURNS_MAX, WARMUP_TURNS_PER_SAMPLE * settings.ttftSamples());
    environment.server().behave(ServerBehaviour.of(0, 0, settings.server().tokens(), 0));
    try (ConnectorLoop direct = ConnectorLoop.start(environment.provider(), WARMUP_INFLIGHT, Duration.ZERO)) {
      awaitWarm("the connector", direct::completed, turns, guarantee);
    }
    ClosedLoop loop = new ClosedLoop(pipeline.producer(), name + "-warm-", 0, WARMUP_INFLIGHT, true);
    try (OutputTap tap = pipeline.tap(List.of(Topics.REPLIES, Topics.ERRORS, Topics.METRICS), loop)) {
      loop.start(Duration.ZERO);
      awaitWarm("the pipeline", loop::completed, turns, guarantee);
      loop.stop();
      long deadline = System.nanoTime() + WARMUP_LIMIT.toNanos();
      while (loop.outstanding() > 0 && System.nanoTime() < deadline) {
        tap.check();
        BenchPipeline.sleep(Duration.ofMillis(20));
      }
    }
    environment.server().awaitIdle(WARMUP_LIMIT);
  }

  private void awaitWarm(String what, LongSupplier completed, int turns, String guarantee) {
    long deadline = System.nanoTime() + WARMUP_LIMIT.toNanos();
    while (completed.getAsLong() < turns && System.nanoTime() < deadline) {
      progress.status("ttft (" + guarantee + "): warming up " + what + ", " + completed.getAsLong() + "/" + turns);
      BenchPipeline.sleep(Duration.ofMillis(100));
    }
    if (completed.getAsLong() < turns) {
      progress.milestone("ttft (" + guarantee + "): " + what + " warmed up with " + completed.getAsLong() + " of "
          + turns + " generations in " + WARMUP_LIMIT.toSeconds() + " s; sampling anyway");
    }
  }

  private void awaitWorkers(List<Thread> workers, TtftSamples samples, OutputTap tap, String guarantee) {
    for (Thread worker : workers) {
      while (worker.isAlive()) {
        tap.check();
        progress.status("ttft (" + guarantee + "): " + samples.size() + "/" + settings.ttftSamples()
            + " samples" + (samples.failed() > 0 ? ", " + samples.failed() + " failed" : ""));
        try {
          worker.join(Duration.ofMillis(500));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted", e);
        }
      }
    }
  }

  /** Takes warm-up pairs, then {@code quota} pairs, one after the other. */
  private final class Worker {
    private final String name;
    private final int quota;
    private final ConversationProducer producer;
    private final FirstChunks firstChunks;
    private final TtftSamples samples;

    Worker(String name, int quota, ConversationProducer producer, FirstChunks firstChunks, TtftSamples samples) {
      this.name = name;
      this.quota = quota;
      this.producer = producer;
      this.firstChunks = firstChunks;
      this.samples = samples;
    }

    void run() {
      for (int i = 0; i < WARMUP_PAIRS + quota; i++) {
        try {
          long connector = connectorSample(name + "-direct-" + i);
          TtftSamples.PipelineSample pipeline = pipelineSample(name + "-" + i);
          if (i >= WARMUP_PAIRS) {
            samples.add(connector, pipeline);
          }
        } catch (TimeoutException | ExecutionException | IllegalStateException e) {
          samples.addFailure();
        }
      }
    }

    /** From {@code chat(...)} to the connector's first chunk. */
    private long connectorSample(String requestId) throws TimeoutException, ExecutionException {
      CompletableFuture<Long> first = new CompletableFuture<>();
      CompletableFuture<Void> end = new CompletableFuture<>();
      LlmRequest request = LlmRequest.of(requestId, ChatContext.of(ChatMessage.of(ChatRole.USER, BenchEvents.USER_TEXT)));
      long start = System.nanoTime();
      environment.provider().chat(request, new LlmStreamListener() {
        @Override
        public void onChunk(ChatChunk chunk) {
          first.complete(System.nanoTime());
        }

        @Override
        public void onComplete(LlmMetrics metrics) {
          end.complete(null);
        }

        @Override
        public void onError(LlmError error) {
          end.completeExceptionally(new IllegalStateException(error.message()));
          first.completeExceptionally(new IllegalStateException(error.message()));
        }
      });
      long firstChunk = await(first, SAMPLE_TIMEOUT);
      await(end, SAMPLE_TIMEOUT);
      return firstChunk - start;
    }

    /** From producing {@code generate_reply} to the tap receiving the first chunk event. */
    private TtftSamples.PipelineSample pipelineSample(String conversationId) throws TimeoutException, ExecutionException {
      String requestId = conversationId + "/r";
      producer.sendAndWait(BenchEvents.userMessage(conversationId, "user-0"));
      FirstChunks.Awaited awaited = firstChunks.expect(requestId);
      try {
        long startMs = System.currentTimeMillis();
        long start = System.nanoTime();
        producer.send(BenchEvents.generateReply(conversationId, requestId));
        OutputEvent firstChunk = await(awaited.firstChunk(), SAMPLE_TIMEOUT);
        await(awaited.end(), SAMPLE_TIMEOUT);
        LLMMetrics metrics;
        try {
          metrics = await(awaited.metrics(), METRICS_TIMEOUT);
        } catch (TimeoutException late) {
          metrics = null;
        }
        return new TtftSamples.PipelineSample(firstChunk.receivedNanos() - start, startMs, firstChunk, metrics);
      } finally {
        firstChunks.forget(requestId);
      }
    }

    private static <T> T await(CompletableFuture<T> future, Duration timeout) throws TimeoutException, ExecutionException {
      try {
        return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
    }
  }
}
