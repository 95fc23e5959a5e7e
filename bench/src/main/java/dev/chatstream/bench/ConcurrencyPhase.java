package dev.chatstream.bench;

import dev.chatstream.pipeline.Topics;
import dev.chatstream.pipeline.config.ChatstreamConfig;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Phase 2: first the connector alone keeps {@code inflight} generations streaming, for half the
 * window (what the machine allows without Kafka). Then the pipeline: {@code inflight} generations in
 * flight over {@code conversations} conversations (closed loop: a reply's completion starts the next
 * turn); after the server streams close to that many replies (or a warm-up limit passes),
 * completions are counted over the window while the streams open at the server and the stream
 * threads' longest calls are sampled.
 */
final class ConcurrencyPhase {
  private static final Duration SAMPLE = Duration.ofMillis(200);
  private static final double WARM_SHARE = 0.9;

  private final BenchEnvironment environment;
  private final BenchSettings settings;
  private final Progress progress;

  ConcurrencyPhase(BenchEnvironment environment, BenchSettings settings, Progress progress) {
    this.environment = environment;
    this.settings = settings;
    this.progress = progress;
  }

  ConcurrencyResult run() {
    ServerBehaviour behaviour = settings.server();
    LlmServer server = environment.server();
    server.behave(behaviour);
    int descriptorsPerStream = server.inThisProcess() ? 2 : 1;
    int capacity = OpenFiles.streamCapacity(descriptorsPerStream);
    int inflight = Math.min(settings.inflight(), capacity);
    String limitNote = inflight < settings.inflight()
        ? "the open-file limit (" + OpenFiles.softLimit() + ") leaves room for " + capacity
            + " loopback streams (" + descriptorsPerStream + " descriptors each)"
        : null;
    if (limitNote != null) {
      progress.milestone("concurrency: " + inflight + " in flight instead of " + settings.inflight() + ": " + limitNote);
    }
    ResourceProbe resources = ResourceProbe.start();
    Throughput connectorAlone = connectorAlone(inflight, behaviour.replyDuration());
    Map<String, String> pipelineSettings = Map.of(
        ChatstreamConfig.MAX_INFLIGHT_GENERATIONS_CONFIG, String.valueOf(inflight),
        ChatstreamConfig.KAFKA_PREFIX + "metrics.recording.level", "DEBUG",
        // Kafka keeps a metric's maximum over its last two sample windows (30 s each by default);
        // one-second windows keep the start-up out of the measurement window's maxima
        ChatstreamConfig.KAFKA_PREFIX + "metrics.sample.window.ms", "1000");
    try (BenchPipeline pipeline = BenchPipeline.create(environment, "concurrency", settings.mainGuarantee(),
        pipelineSettings).start()) {
      ClosedLoop loop = new ClosedLoop(pipeline.producer(), "c", settings.conversations(), inflight, false);
      try (OutputTap tap = pipeline.tap(List.of(Topics.REPLIES, Topics.ERRORS, Topics.METRICS), loop)) {
        StreamThreadProbe threads = new StreamThreadProbe(pipeline.streams(), pipeline.config().applicationId());
        KafkaTrafficProbe traffic = new KafkaTrafficProbe(pipeline.streams(), pipeline.topics());
        loop.start(behaviour.replyDuration());
        warmUp(loop, tap, inflight, behaviour.replyDuration());
        Window window = measure(loop, tap, threads, traffic, inflight);
        loop.stop();
        drain(loop, tap, behaviour.replyDuration());
        double ideal = inflight / (behaviour.replyDuration().toNanos() / 1e9);
        return new ConcurrencyResult(settings.inflight(), inflight, limitNote, settings.conversations(),
            behaviour.replyDuration().toMillis(), window.seconds, window.streamsAvg, window.streamsMax,
            window.completed / window.seconds, ideal, connectorAlone.perSecond(), window.failed,
            loop.turnTimes().summary(), loop.connectorTimes().summary(), loop.stages(),
            connectorAlone.cpuMsPerTurn(), window.cpuMsPerTurn, window.serverCpuMsPerTurn,
            connectorAlone.processCpuMsPerTurn(), window.processCpuMsPerTurn, window.load, window.traffic,
            resources.stop());
      }
    } finally {
      resources.close();
    }
  }

  /** Completions per second of the connector alone with as many generations in flight, and their CPU cost. */
  private Throughput connectorAlone(int inflight, Duration reply) {
    try (ConnectorLoop loop = ConnectorLoop.start(environment.provider(), inflight, reply)) {
      Duration warmUp = reply.multipliedBy(2).plusSeconds(2);
      long start = System.nanoTime();
      while (System.nanoTime() - start < warmUp.toNanos()) {
        progress.status(String.format("concurrency: the connector alone, warming up, %d streaming at the server",
            environment.server().openStreams()));
        BenchPipeline.sleep(SAMPLE);
      }
      long before = loop.completed();
      long cpuBefore = bothProcessesCpuNanos();
      long processBefore = processCpuNanos();
      long measureStart = System.nanoTime();
      long window = settings.window().dividedBy(2).toNanos();
      while (System.nanoTime() - measureStart < window) {
        double seconds = (System.nanoTime() - measureStart) / 1e9;
        progress.status(String.format("concurrency: the connector alone, %.0f s, %d streaming, %.0f completed/s",
            seconds, environment.server().openStreams(), seconds > 0 ? (loop.completed() - before) / seconds : 0.0));
        BenchPipeline.sleep(SAMPLE);
      }
      long completed = loop.completed() - before;
      return new Throughput(completed / ((System.nanoTime() - measureStart) / 1e9),
          ProcessCpu.millisPer(cpuBefore, bothProcessesCpuNanos(), completed),
          ProcessCpu.millisPer(processBefore, processCpuNanos(), completed));
    } finally {
      environment.server().awaitIdle(reply.plusSeconds(30));
    }
  }

  private void warmUp(ClosedLoop loop, OutputTap tap, int inflight, Duration reply) {
    long deadline = System.nanoTime() + reply.multipliedBy(3).plusSeconds(30).toNanos();
    long start = System.nanoTime();
    while (environment.server().openStreams() < WARM_SHARE * inflight && System.nanoTime() < deadline) {
      tap.check();
      progress.status(String.format("concurrency: warming up %.0f s, %d streaming at the server, %d outstanding, %d done",
          (System.nanoTime() - start) / 1e9, environment.server().openStreams(), loop.outstanding(), loop.completed()));
      BenchPipeline.sleep(SAMPLE);
    }
  }

  private Window measure(ClosedLoop loop, OutputTap tap, StreamThreadProbe threads, KafkaTrafficProbe traffic,
      int inflight) {
    threads.reset();
    traffic.reset();
    loop.measure(true);
    long completedBefore = loop.completed();
    long failedBefore = loop.failed();
    long cpuBefore = bothProcessesCpuNanos();
    long processBefore = processCpuNanos();
    long harnessBefore = HarnessCpu.nanos();
    long serverCpuBefore = environment.server().cpuNanos();
    long start = System.nanoTime();
    long end = start + settings.window().toNanos();
    long streamsSum = 0;
    int streamsMax = 0;
    int samples = 0;
    long nextProbe = start;
    while (System.nanoTime() < end) {
      tap.check();
      int open = environment.server().openStreams();
      streamsSum += open;
      streamsMax = Math.max(streamsMax, open);
      samples++;
      long now = System.nanoTime();
      if (now >= nextProbe) {
        threads.sample();
        nextProbe = now + Duration.ofSeconds(1).toNanos();
        double seconds = (now - start) / 1e9;
        progress.status(String.format("concurrency: %.0f/%d s, %d in flight target, %d streaming, %.0f completed/s",
            seconds, settings.window().toSeconds(), inflight, open,
            seconds > 0 ? (loop.completed() - completedBefore) / seconds : 0.0));
      }
      BenchPipeline.sleep(SAMPLE);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    long completed = loop.completed() - completedBefore;
    Window window = new Window(seconds, completed, loop.failed() - failedBefore,
        samples == 0 ? 0 : (double) streamsSum / samples, streamsMax,
        ProcessCpu.millisPer(cpuBefore, bothProcessesCpuNanos(), completed),
        environment.server().inThisProcess() ? -1
            : ProcessCpu.millisPer(serverCpuBefore, environment.server().cpuNanos(), completed),
        chatstreamCpuMsPerTurn(processBefore, harnessBefore, completed), threads.load(), traffic.perTurn(completed));
    loop.measure(false);
    return window;
  }

  private void drain(ClosedLoop loop, OutputTap tap, Duration reply) {
    long deadline = System.nanoTime() + reply.plusSeconds(30).toNanos();
    while (loop.outstanding() > 0 && System.nanoTime() < deadline) {
      tap.check();
      progress.status("concurrency: waiting for " + loop.outstanding() + " replies in flight to finish");
      BenchPipeline.sleep(SAMPLE);
    }
  }

  private record Window(double seconds, long completed, long failed, double streamsAvg, int streamsMax,
      double cpuMsPerTurn, double serverCpuMsPerTurn, double processCpuMsPerTurn, StreamThreadLoad load,
      KafkaTraffic traffic) {}

  /** The process's CPU per turn since the readings, without the harness threads'; -1 when unknown. */
  private double chatstreamCpuMsPerTurn(long processBefore, long harnessBefore, long completed) {
    long process = processCpuNanos();
    long harness = HarnessCpu.nanos();
    if (processBefore < 0 || process < 0 || harnessBefore < 0 || harness < 0) {
      return -1;
    }
    return ProcessCpu.millisPer(processBefore + (harness - harnessBefore), process, completed);
  }

  /** This process's CPU so far, when the server runs apart (else it cannot be told from the server's); -1 otherwise. */
  private long processCpuNanos() {
    return environment.server().inThisProcess() ? -1 : ProcessCpu.nanos();
  }

  /** CPU used so far by this process and, when it runs apart, the simulated server's; -1 when unknown. */
  private long bothProcessesCpuNanos() {
    long own = ProcessCpu.nanos();
    if (environment.server().inThisProcess()) {
      return own;
    }
    long server = environment.server().cpuNanos();
    return own < 0 || server < 0 ? -1 : own + server;
  }

  private record Throughput(double perSecond, double cpuMsPerTurn, double processCpuMsPerTurn) {}
}
