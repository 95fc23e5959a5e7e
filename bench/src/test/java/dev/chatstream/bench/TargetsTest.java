package dev.chatstream.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TargetsTest {
  private static final ResourceUse RESOURCES = new ResourceUse(1, 1, 1, "VmHWM", 0, 0, 1, 1);

  @Test
  void atLeastOnceOverheadMustStayWithinFiveAndTwentyMilliseconds() {
    Map<String, Check> checks = byMeasure(Targets.check(List.of(ttft("at_least_once", 30_000, 4.9, 21)), null, null, null));

    assertTrue(checks.get("overhead p50").met());
    assertFalse(checks.get("overhead p99").met());
    assertEquals("≤ 20.0 ms", checks.get("overhead p99").target());
  }

  @Test
  void exactlyOnceOverheadMayTakeTheCommitIntervalAndFiveMilliseconds() {
    Map<String, Check> met = byMeasure(Targets.check(List.of(ttft("exactly_once_v2", 100, 60, 105)), null, null, null));
    Map<String, Check> missed = byMeasure(Targets.check(List.of(ttft("exactly_once_v2", 100, 60, 105.5)), null, null, null));

    assertTrue(met.get("overhead p99").met());
    assertFalse(missed.get("overhead p99").met());
    assertEquals("ttft exactly_once_v2", missed.get("overhead p99").phase());
  }

  @Test
  void concurrencyNeedsTenThousandInFlightAtNinetyPercentOfIdeal() {
    Map<String, Check> checks = byMeasure(Targets.check(List.of(), concurrency(10_000, 4_500, 5_000), null, null));
    assertTrue(checks.get("generations in flight").met());
    assertTrue(checks.get("completed per second").met());

    Map<String, Check> short_ = byMeasure(Targets.check(List.of(), concurrency(9_000, 4_400, 4_500), null, null));
    assertFalse(short_.get("generations in flight").met());
    assertTrue(short_.get("completed per second").met(), "4,400 of 4,500 is 97.8 %");
  }

  @Test
  void theChatstreamProcessMustCostAtMostTwoAndAHalfTimesTheConnectorAndNoCallMayHoldTheThreadLong() {
    Map<String, Check> checks = byMeasure(Targets.check(List.of(), concurrency(10_000, 4_500, 5_000), null, null));

    assertFalse(checks.get("CPU per turn, pipeline over the connector alone").met(), "1.2 ms over 0.2 ms is 6×");
    assertTrue(checks.get("longest process / punctuate call").met(), "1 ms / 1 ms");
  }

  @Test
  void ingestNeedsFiftyThousandItemsAndTwoHundredThousandTokensInChunkEventsPerSecond() {
    IngestResult few = new IngestResult(1, 1, 50_000, 1, 1, 199_999, 1_000_000, 1, RESOURCES, RESOURCES);
    IngestResult enough = new IngestResult(1, 1, 50_000, 1, 1, 200_000, 500, 1, RESOURCES, RESOURCES);

    assertTrue(byMeasure(Targets.check(List.of(), null, few, null)).get("items into state").met());
    assertFalse(byMeasure(Targets.check(List.of(), null, few, null)).get("tokens streamed in chunk events").met(),
        "tokens count, not chunk records");
    assertTrue(byMeasure(Targets.check(List.of(), null, enough, null)).get("tokens streamed in chunk events").met(),
        "coalesced events of 400 tokens each");
  }

  @Test
  void appendAtTheLongestLengthMayCostAtMostOneAndAHalfTimesTheShortest() {
    GrowthResult growth = new GrowthResult(List.of(point(10, 0.010), point(1_000, 0.020), point(10_000, 0.016)), RESOURCES);
    Map<String, Check> checks = byMeasure(Targets.check(List.of(), null, null, growth));

    assertEquals(1.6, growth.appendGrowth(), 1e-9);
    assertFalse(checks.get("append at 10,000 items").met());
    assertEquals("1.60× append at 10", checks.get("append at 10,000 items").value());
  }

  @Test
  void phasesThatDidNotRunHaveNoChecks() {
    assertEquals(List.of(), Targets.check(List.of(), null, null, null));
    GrowthResult single = new GrowthResult(List.of(point(10, 0.01)), RESOURCES);
    assertEquals(List.of(), Targets.check(List.of(), null, null, single));
  }

  @Test
  void theTableMarksEveryMissedTargetAndFailedPhase() {
    BenchReport report = BenchReport.of(run(), List.of(ttft("at_least_once", 30_000, 9, 30)), null, null, null, null,
        List.of("ingest: the pipeline stopped"));

    String table = report.table();

    assertTrue(table.contains("| ttft, at_least_once | connector alone, TTFT p50 / p99 |"), table);
    assertEquals(2, table.split("\\*\\*missed\\*\\*", -1).length - 1, table);
    assertFalse(table.contains("| concurrency |"), table);
    assertTrue(table.contains("| failed | ingest: the pipeline stopped |  |  | **failed** |"), table);
  }

  private static Map<String, Check> byMeasure(List<Check> checks) {
    return checks.stream().collect(Collectors.toMap(Check::measure, Function.identity()));
  }

  private static TtftResult ttft(String guarantee, long commitMs, double p50, double p99) {
    LatencySummary latency = new LatencySummary(10, 200, 210, 220, 205);
    return new TtftResult(guarantee, commitMs, latency, latency, new LatencySummary(10, p50, p99, p99, p50), null,
        latency, 1, 0, RESOURCES);
  }

  private static ConcurrencyResult concurrency(int inflight, double completed, double ideal) {
    return new ConcurrencyResult(10_000, inflight, null, 10_000, 2_000, 60, inflight, inflight, completed, ideal, ideal, 0,
        null, null, new TurnStageTimes(null, null), 1, 2, 0.5, 0.2, 1.2, new StreamThreadLoad(1, 1, 0.1, 0.1, 0.5),
        new KafkaTraffic(8, 4, 1, 3, 2), RESOURCES);
  }

  private static GrowthResult.Point point(int length, double appendP50Ms) {
    LatencySummary append = new LatencySummary(1_000, appendP50Ms, appendP50Ms * 2, appendP50Ms * 3, appendP50Ms);
    return new GrowthResult.Point(length, 2, append, append, length);
  }

  private static RunInfo run() {
    return new RunInfo("2026-01-01T00:00:00Z", 1, 2, "java", "os", 1, 1, 200, 200, 10, 0, false, 1, 1, 1, 1, 1, 1, 1, 1,
        List.of(10), List.of("ttft"), List.of("at_least_once"), Map.of());
  }
}
