package dev.chatstream.bench;

import dev.chatstream.pipeline.config.ChatstreamConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** chatstream's performance targets, and the checks of a run's results against them. */
final class Targets {
  static final double ALO_OVERHEAD_P50_MS = 5;
  static final double ALO_OVERHEAD_P99_MS = 20;
  static final double EOS_SLACK_MS = 5;
  static final int INFLIGHT = 10_000;
  static final double SHARE_OF_IDEAL = 0.9;
  static final double ITEMS_PER_SECOND = 50_000;
  static final double CHUNK_TOKENS_PER_SECOND = 200_000;
  static final double APPEND_GROWTH = 1.5;
  static final double CPU_OVER_CONNECTOR = 2.5;
  static final double LONGEST_CALL_MS = 20;

  private Targets() {}

  static List<Check> check(List<TtftResult> ttft, ConcurrencyResult concurrency, IngestResult ingest, GrowthResult growth) {
    List<Check> checks = new ArrayList<>();
    for (TtftResult result : ttft) {
      if (result.overhead() != null) {
        checks.addAll(ttft(result));
      }
    }
    if (concurrency != null) {
      checks.add(new Check("concurrency", "generations in flight", Format.count(concurrency.inflight()) + " kept",
          "≥ " + Format.count(INFLIGHT), concurrency.inflight() >= INFLIGHT));
      checks.add(new Check("concurrency", "completed per second", Format.percent(concurrency.shareOfIdeal()) + " of ideal",
          "≥ " + Format.percent(SHARE_OF_IDEAL), concurrency.shareOfIdeal() >= SHARE_OF_IDEAL));
      if (concurrency.pipelineToConnectorCpu() > 0) {
        checks.add(new Check("concurrency", "CPU per turn, pipeline over the connector alone",
            String.format(Locale.ROOT, "%.1f×", concurrency.pipelineToConnectorCpu()), "≤ " + CPU_OVER_CONNECTOR + "×",
            concurrency.pipelineToConnectorCpu() <= CPU_OVER_CONNECTOR));
      }
      StreamThreadLoad threads = concurrency.streamThreads();
      if (threads != null && threads.longestProcessMs() >= 0) {
        checks.add(new Check("concurrency", "longest process / punctuate call",
            Format.millis(threads.longestProcessMs()) + " / " + Format.millis(threads.longestPunctuateMs()),
            "≤ " + Format.millis(LONGEST_CALL_MS),
            threads.longestProcessMs() <= LONGEST_CALL_MS && threads.longestPunctuateMs() <= LONGEST_CALL_MS));
      }
    }
    if (ingest != null) {
      checks.add(new Check("ingest", "items into state", Format.count(ingest.itemsPerSecond()) + "/s",
          "≥ " + Format.count(ITEMS_PER_SECOND) + "/s", ingest.itemsPerSecond() >= ITEMS_PER_SECOND));
      checks.add(new Check("ingest", "tokens streamed in chunk events", Format.count(ingest.chunkTokensPerSecond())
          + "/s", "≥ " + Format.count(CHUNK_TOKENS_PER_SECOND) + "/s", ingest.chunkTokensPerSecond() >= CHUNK_TOKENS_PER_SECOND));
    }
    if (growth != null && growth.points().size() > 1) {
      List<GrowthResult.Point> points = growth.points();
      checks.add(new Check("growth", "append at " + Format.count(points.get(points.size() - 1).length()) + " items",
          String.format("%.2f× append at %s", growth.appendGrowth(), Format.count(points.get(0).length())),
          "≤ " + APPEND_GROWTH + "×", growth.appendGrowth() <= APPEND_GROWTH));
    }
    return checks;
  }

  private static List<Check> ttft(TtftResult result) {
    String phase = "ttft " + result.guarantee();
    double p50 = result.overhead().p50Ms();
    double p99 = result.overhead().p99Ms();
    if (result.guarantee().equals(ChatstreamConfig.EXACTLY_ONCE_V2)) {
      double bound = result.commitIntervalMs() + EOS_SLACK_MS;
      String target = "≤ " + Format.millis(bound) + " (commit interval + " + Format.millis(EOS_SLACK_MS) + ")";
      return List.of(
          new Check(phase, "overhead p50", Format.millis(p50), target, p50 <= bound),
          new Check(phase, "overhead p99", Format.millis(p99), target, p99 <= bound));
    }
    return List.of(
        new Check(phase, "overhead p50", Format.millis(p50), "≤ " + Format.millis(ALO_OVERHEAD_P50_MS),
            p50 <= ALO_OVERHEAD_P50_MS),
        new Check(phase, "overhead p99", Format.millis(p99), "≤ " + Format.millis(ALO_OVERHEAD_P99_MS),
            p99 <= ALO_OVERHEAD_P99_MS));
  }
}
