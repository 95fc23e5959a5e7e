package dev.chatstream.bench;

import dev.chatstream.events.ReplyCompleted;
import dev.chatstream.llm.offline.OfflinePacing;
import dev.chatstream.llm.offline.OfflineProvider;
import dev.chatstream.pipeline.LlmRegistry;
import dev.chatstream.pipeline.Topics;
import dev.chatstream.pipeline.client.ConversationProducer;
import dev.chatstream.pipeline.config.ChatstreamConfig;
import dev.chatstream.pipeline.reprocess.Pacing;
import dev.chatstream.pipeline.reprocess.ReprocessJob;
import dev.chatstream.pipeline.reprocess.ReprocessOptions;
import dev.chatstream.pipeline.reprocess.ReprocessProgress;
import dev.chatstream.pipeline.reprocess.ReprocessSummary;
import dev.chatstream.pipeline.reprocess.Selection;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Phase 5: batch reprocessing. A live pipeline records a log of conversations (a user message and a
 * {@code generate_reply} each, answered by the simulated server at zero pacing), with its CPU per
 * turn; then {@code chatstream reprocess} replays every request with the offline provider at zero
 * pacing, and its throughput and CPU per request are measured on the same machine.
 */
final class ReprocessPhase {
  private static final Duration RECORD_TIMEOUT = Duration.ofMinutes(10);
  private static final int LIVE_INFLIGHT = 512;
  private static final int REPLAY_CONCURRENCY = 512;

  private final BenchEnvironment environment;
  private final BenchSettings settings;
  private final Progress progress;

  ReprocessPhase(BenchEnvironment environment, BenchSettings settings, Progress progress) {
    this.environment = environment;
    this.settings = settings;
    this.progress = progress;
  }

  ReprocessResult run() {
    int conversations = settings.reprocessConversations();
    environment.server().behave(ServerBehaviour.of(0, 0, settings.server().tokens(), 0));
    try (BenchPipeline live = BenchPipeline.create(environment, "reprocess-live", ChatstreamConfig.AT_LEAST_ONCE,
        Map.of(ChatstreamConfig.MAX_INFLIGHT_GENERATIONS_CONFIG, Integer.toString(LIVE_INFLIGHT)))) {
      live.start();
      AtomicInteger replies = new AtomicInteger();
      long cpuBefore = ProcessCpu.nanos();
      long start = System.nanoTime();
      try (OutputTap tap = live.tap(List.of(Topics.REPLIES), event -> {
        if (event.event() instanceof ReplyCompleted) {
          replies.incrementAndGet();
        }
      })) {
        record(live, conversations);
        awaitReplies(replies, conversations);
      }
      double liveSeconds = (System.nanoTime() - start) / 1e9;
      double liveCpu = ProcessCpu.millisPer(cpuBefore, ProcessCpu.nanos(), conversations);
      live.stopService();
      return replay(live.config(), live.inputRecords(), conversations, conversations / liveSeconds, liveCpu);
    }
  }

  private void record(BenchPipeline live, int conversations) {
    try (ConversationProducer producer = live.bulkProducer()) {
      for (int i = 0; i < conversations; i++) {
        producer.send(BenchEvents.userMessage("rp" + i, "rp-user-" + i));
        producer.send(BenchEvents.generateReply("rp" + i, "rp-request-" + i));
        if (i % 2_000 == 0) {
          progress.status("reprocess: recording conversation " + i + "/" + conversations);
        }
      }
      producer.flush();
    }
  }

  private void awaitReplies(AtomicInteger replies, int expected) {
    long deadline = System.nanoTime() + RECORD_TIMEOUT.toNanos();
    while (replies.get() < expected) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the live pipeline answered " + replies.get() + " of " + expected
            + " requests within " + RECORD_TIMEOUT);
      }
      progress.status("reprocess: " + replies.get() + "/" + expected + " recorded replies");
      BenchPipeline.sleep(Duration.ofMillis(200));
    }
  }

  private ReprocessResult replay(ChatstreamConfig liveConfig, long inputRecords, int conversations, double liveRate,
      double liveCpu) {
    Map<String, String> settingsOfRun = new HashMap<>();
    settingsOfRun.put(ChatstreamConfig.STATE_DIR_CONFIG, environment.workDir().resolve("state-reprocess").toString());
    ChatstreamConfig config = liveConfig.with(settingsOfRun, "bench");
    AtomicLong surveyEnd = new AtomicLong();
    ReprocessProgress hears = new ReprocessProgress() {
      @Override
      public void replaying(int total) {
        surveyEnd.set(System.nanoTime());
      }
    };
    ReprocessOptions options = new ReprocessOptions("bench-" + System.currentTimeMillis(), false, Selection.all(),
        null, null, null, null, null, null, Pacing.of(REPLAY_CONCURRENCY));
    progress.status("reprocess: replaying " + conversations + " requests with the offline provider");
    ResourceProbe resources = ResourceProbe.start();
    long cpuBefore = ProcessCpu.nanos();
    long start = System.nanoTime();
    ReprocessSummary summary;
    try (LlmRegistry offline = LlmRegistry.of("default", OfflineProvider.create(OfflinePacing.instant()))) {
      summary = ReprocessJob.run(config, options, offline, hears);
    }
    long end = System.nanoTime();
    double seconds = (end - start) / 1e9;
    long recordsRead = summary.recordsRead() + inputRecords;
    return new ReprocessResult(conversations, liveRate, liveCpu, summary.replayed(), seconds,
        (surveyEnd.get() - start) / 1e9, summary.replayed() / seconds, recordsRead, recordsRead / seconds,
        ProcessCpu.millisPer(cpuBefore, ProcessCpu.nanos(), summary.replayed()), resources.stop());
  }
}
