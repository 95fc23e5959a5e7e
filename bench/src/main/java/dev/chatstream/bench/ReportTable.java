package dev.chatstream.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** Renders a {@link BenchReport} as a Markdown table, one row per measure, with its target and verdict. */
final class ReportTable {
  private final List<String[]> rows = new ArrayList<>();
  private final List<Check> checks;

  private ReportTable(List<Check> checks) {
    this.checks = checks;
  }

  static String render(BenchReport report) {
    ReportTable table = new ReportTable(report.checks());
    report.ttft().forEach(table::ttft);
    if (report.concurrency() != null) {
      table.concurrency(report.concurrency());
    }
    if (report.ingest() != null) {
      table.ingest(report.ingest());
    }
    if (report.growth() != null) {
      table.growth(report.growth());
    }
    if (report.reprocess() != null) {
      table.reprocess(report.reprocess());
    }
    for (String failure : report.failures()) {
      table.row("failed", failure, "", "", "**failed**");
    }
    return header(report.run()) + "\n" + table.markdown();
  }

  private static String header(RunInfo run) {
    return String.format(Locale.ROOT, "chatstream bench, %s: %d cores, %s, %s, max heap %s, open-file limit %s%n"
            + "simulated server (%s): %d ms to the first of %d tokens, %d ms apart (%s replies), %s failures (concurrency phase)%n"
            + "phases: %s; TTFT under %s, the rest under %s; %.0f s in all%n",
        run.startedAt(), run.cores(), run.java(), run.os(), Format.bytes(run.maxHeapBytes()),
        run.openFileLimit() < 0 ? "unknown" : Format.count(run.openFileLimit()),
        run.serverInProcess() ? "in this process" : "in a JVM of its own", run.ttftMs(), run.tokens(),
        run.tokenDelayMs(), Format.millis(run.ttftMs() + run.tokenDelayMs() * (run.tokens() - 1.0)),
        Format.percent(run.failureRate()), String.join(", ", run.phases()), String.join(" and ", run.guarantees()),
        run.guarantees().get(0), run.elapsedSeconds());
  }

  private void ttft(TtftResult result) {
    String phase = "ttft, " + result.guarantee();
    row(phase, "connector alone, TTFT p50 / p99", pair(result.connector(), LatencySummary::p50Ms, LatencySummary::p99Ms), "", "");
    row("", "through the pipeline, TTFT p50 / p99", pair(result.pipeline(), LatencySummary::p50Ms, LatencySummary::p99Ms), "", "");
    checked("", phaseName(result), "overhead p50", "pipeline − connector, p50 (paired)", result.overhead() == null ? "n/a"
        : Format.millis(result.overhead().p50Ms()));
    checked("", phaseName(result), "overhead p99", "pipeline − connector, p99 (paired)", result.overhead() == null ? "n/a"
        : Format.millis(result.overhead().p99Ms()));
    TtftStages stages = result.stages();
    if (stages != null) {
      row("", "stages p50: request in / connector / drain wait / chunk out", Format.millis(stages.requestIn().p50Ms())
          + " / " + Format.millis(stages.connector().p50Ms()) + " / " + Format.millis(stages.drain().p50Ms()) + " / "
          + Format.millis(stages.chunkOut().p50Ms()), "", "");
    }
    row("", "one broker trip (produce → consume) p50 / p99", pair(result.kafkaHop(), LatencySummary::p50Ms,
        LatencySummary::p99Ms), "", "");
    row("", "commit interval / commit latency avg", Format.millis(result.commitIntervalMs()) + " / "
        + (result.commitLatencyAvgMs() < 0 ? "none in the window" : Format.millis(result.commitLatencyAvgMs())), "", "");
    row("", "samples", (result.pipeline() == null ? 0 : result.pipeline().count()) + " (" + result.failedSamples()
        + " failed)", "", "");
    resources("", result.resources());
  }

  private void concurrency(ConcurrencyResult result) {
    String kept = Format.count(result.inflight()) + " kept" + (result.limitNote() == null ? ""
        : " (asked " + Format.count(result.requestedInflight()) + ": " + result.limitNote() + ")");
    checked("concurrency", "concurrency", "generations in flight", "generations in flight", kept
        + "; streaming at the server " + Format.count(result.serverStreamsAvg()) + " avg, "
        + Format.count(result.serverStreamsMax()) + " max");
    checked("", "concurrency", "completed per second", "completed per second vs ideal (in flight ÷ reply)",
        Format.count(result.completedPerSecond()) + "/s of " + Format.count(result.idealPerSecond()) + "/s = "
            + Format.percent(result.shareOfIdeal()));
    row("", "the connector alone, as many in flight (no Kafka)", Format.count(result.connectorPerSecond()) + "/s = "
        + Format.percent(result.idealPerSecond() == 0 ? 0 : result.connectorPerSecond() / result.idealPerSecond())
        + " of ideal", "", "");
    row("", "turn, send → reply p50 / p99", pair(result.turn(), LatencySummary::p50Ms, LatencySummary::p99Ms),
        Format.millis(result.replyMs()) + " reply", "");
    row("", "connector's own reply time p50 / p99", pair(result.connectorReply(), LatencySummary::p50Ms,
        LatencySummary::p99Ms), "", "");
    TurnStageTimes stages = result.stages();
    row("", "turn before the connector / after it, p50", p50(stages.requestIn()) + " / " + p50(stages.replyOut()),
        "", "");
    row("", "CPU per turn, both processes: connector alone / pipeline (of it, the server)",
        Format.duration(result.connectorCpuMsPerTurn()) + " / " + Format.duration(result.cpuMsPerTurn()) + " ("
            + Format.duration(result.serverCpuMsPerTurn()) + ")", "", "");
    row("", "CPU per turn, chatstream's process alone: connector / pipeline (ratio)",
        Format.duration(result.connectorProcessCpuMsPerTurn()) + " / " + Format.duration(result.pipelineProcessCpuMsPerTurn())
            + (result.pipelineToConnectorCpu() < 0 ? "" : String.format(Locale.ROOT, " (%.1f×)",
            result.pipelineToConnectorCpu())), "", "");
    row("", "cores the ideal takes at the pipeline's cost per turn", result.coresForIdeal() < 0 ? "n/a"
        : String.format(Locale.ROOT, "%.1f", result.coresForIdeal()), "", "");
    row("", "generations failed for good", Format.count(result.failedGenerations()), "", "");
    StreamThreadLoad load = result.streamThreads();
    row("", "stream thread, longest process / punctuate call", Format.duration(load.longestProcessMs()) + " / "
        + Format.duration(load.longestPunctuateMs()), "", "");
    row("", "stream thread, mean process / punctuate call", Format.duration(load.averageProcessMs()) + " / "
        + Format.duration(load.averagePunctuateMs()), "", "");
    row("", "stream thread CPU", load.cpuShare() < 0 ? "n/a" : Format.percent(load.cpuShare()) + " of a core", "", "");
    KafkaTraffic traffic = result.traffic();
    row("", "records sent per turn: outputs / changelogs / input", String.format(Locale.ROOT, "%.1f / %.1f / %.1f",
        traffic.outputRecordsPerTurn(), traffic.changelogRecordsPerTurn(), traffic.otherRecordsPerTurn()), "", "");
    row("", "records per produce request / fetches per turn", String.format(Locale.ROOT, "%.1f / %.3f",
        traffic.recordsPerProduceRequest(), traffic.fetchesPerTurn()), "", "");
    resources("", result.resources());
  }

  private void ingest(IngestResult result) {
    checked("ingest", "ingest", "items into state", "conversation items into state",
        Format.count(result.itemsPerSecond()) + "/s (" + Format.count(result.items()) + " items, "
            + Format.count(result.conversations()) + " conversations)");
    checked("", "ingest", "tokens streamed in chunk events", "tokens streamed in chunk events",
        Format.count(result.chunkTokensPerSecond()) + "/s (" + Format.count(result.chunkTokens()) + "-token replies, "
            + result.chunkInflight() + " in flight)");
    row("", "chunk events produced (tokens per event)", Format.count(result.chunksPerSecond()) + "/s ("
        + String.format(Locale.ROOT, "%.1f", result.chunkTokensPerSecond() / Math.max(1, result.chunksPerSecond()))
        + ")", "", "");
    row("", "chunks (one token each) the connector alone receives", Format.count(result.connectorChunksPerSecond())
        + "/s", "", "");
    resources(" (items)", result.itemsResources());
    resources(" (chunks)", result.chunksResources());
  }

  private void reprocess(ReprocessResult result) {
    row("reprocess", "requests replayed per second (offline, zero pacing)", Format.count(result.requestsPerSecond())
        + "/s (" + Format.count(result.requests()) + " in " + String.format(Locale.ROOT, "%.1f", result.seconds())
        + " s, survey " + String.format(Locale.ROOT, "%.1f", result.surveySeconds()) + " s)", "", "");
    row("", "records read per second", Format.count(result.recordsPerSecond()) + "/s (" + Format.count(result.recordsRead())
        + " records)", "", "");
    row("", "CPU per request: reprocess / live turn", Format.millis(result.cpuPerRequestMs()) + " / "
        + Format.millis(result.liveCpuPerTurnMs()) + " (live: " + Format.count(result.liveTurnsPerSecond())
        + " turns/s)", "", "");
    resources("", result.resources());
  }

  private void growth(GrowthResult result) {
    List<GrowthResult.Point> points = result.points();
    String lengths = String.join(" / ", points.stream().map(point -> Format.count(point.length())).toList());
    String appends = String.join(" / ", points.stream().map(point -> Format.duration(point.append().p50Ms())).toList());
    String appendTails = String.join(" / ", points.stream().map(point -> Format.duration(point.append().p99Ms())).toList());
    String builds = String.join(" / ", points.stream().map(point -> Format.duration(point.build().p50Ms())).toList());
    String first = "growth";
    if (points.size() > 1) {
      GrowthResult.Point last = points.get(points.size() - 1);
      checked(first, "growth", "append at " + Format.count(last.length()) + " items", "append p50 at " + lengths + " items",
          appends);
      first = "";
    } else {
      row(first, "append p50 at " + lengths + " items", appends, "", "");
      first = "";
    }
    row(first, "append p99 at " + lengths + " items", appendTails, "", "");
    row("", "request build p50 at " + lengths + " items", builds, "", "");
    resources("", result.resources());
  }

  /** A row whose verdict comes from the check named {@code measure} of {@code phase}. */
  private void checked(String shownPhase, String phase, String measure, String label, String value) {
    Check check = checks.stream()
        .filter(candidate -> candidate.phase().equals(phase) && candidate.measure().equals(measure))
        .findFirst()
        .orElse(null);
    row(shownPhase, label, value, check == null ? "" : check.target(), check == null ? "" : check.met() ? "met" : "**missed**");
  }

  private static String phaseName(TtftResult result) {
    return "ttft " + result.guarantee();
  }

  private void resources(String suffix, ResourceUse resources) {
    if (resources == null) {
      return;
    }
    row("", "peak heap (right after GC) / RSS" + suffix, Format.bytes(resources.peakHeapBytes()) + " ("
        + Format.bytes(resources.peakHeapAfterGcBytes()) + ") / " + Format.bytes(resources.peakRssBytes()), "", "");
    row("", "longest GC pause / time in GC pauses" + suffix, Format.millis(resources.longestGcPauseMs()) + " / "
        + Format.percent(resources.gcPauseShare()), "", "");
    row("", "CPU of the bench process / machine load" + suffix, (resources.processCpuCores() < 0 ? "n/a"
        : String.format(Locale.ROOT, "%.2f cores", resources.processCpuCores())) + " / "
        + (resources.loadAverage() < 0 ? "n/a" : String.format(Locale.ROOT, "%.1f", resources.loadAverage())), "", "");
  }

  private static String pair(LatencySummary summary, Function<LatencySummary, Double> first,
      Function<LatencySummary, Double> second) {
    if (summary == null) {
      return "n/a";
    }
    return Format.millis(first.apply(summary)) + " / " + Format.millis(second.apply(summary));
  }

  private static String p50(LatencySummary summary) {
    return summary == null ? "n/a" : Format.millis(summary.p50Ms());
  }

  private void row(String phase, String measure, String result, String target, String verdict) {
    rows.add(new String[] {phase, measure, result, target, verdict});
  }

  private String markdown() {
    StringBuilder out = new StringBuilder("| phase | measure | result | target | |\n|---|---|---|---|---|\n");
    for (String[] row : rows) {
      out.append("| ").append(String.join(" | ", row)).append(" |\n");
    }
    return out.toString();
  }
}
