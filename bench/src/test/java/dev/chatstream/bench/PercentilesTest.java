package dev.chatstream.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class PercentilesTest {

  @Test
  void nearestRankOfOneToHundredIsTheValueAtThatRank() {
    long[] sorted = LongStream.rangeClosed(1, 100).toArray();
    assertEquals(50, Percentiles.nearestRank(sorted, 0.50));
    assertEquals(99, Percentiles.nearestRank(sorted, 0.99));
    assertEquals(100, Percentiles.nearestRank(sorted, 1.0));
    assertEquals(1, Percentiles.nearestRank(sorted, 0.001));
  }

  @Test
  void nearestRankRoundsTheRankUp() {
    long[] sorted = {10, 20, 30, 40, 50};
    assertEquals(30, Percentiles.nearestRank(sorted, 0.50), "rank ceil(2.5) = 3");
    assertEquals(50, Percentiles.nearestRank(sorted, 0.99), "rank ceil(4.95) = 5");
    assertEquals(10, Percentiles.nearestRank(sorted, 0.20), "rank exactly 1, not 2 from rounding error");
  }

  @Test
  void ninetyNinthPercentileOfFewSamplesIsTheLargest() {
    assertEquals(7, Percentiles.nearestRank(new long[] {7}, 0.99));
    assertEquals(9, Percentiles.nearestRank(new long[] {1, 2, 9}, 0.99));
  }

  @Test
  void noSamplesOrAQuantileOutOfRangeIsRejected() {
    assertThrows(IllegalArgumentException.class, () -> Percentiles.nearestRank(new long[0], 0.5));
    assertThrows(IllegalArgumentException.class, () -> Percentiles.nearestRank(new long[] {1}, 0));
    assertThrows(IllegalArgumentException.class, () -> Percentiles.nearestRank(new long[] {1}, 1.5));
    assertThrows(IllegalArgumentException.class, () -> Percentiles.nearestRank(new long[] {1}, Double.NaN));
  }

  @Test
  void summarySortsACopyAndReportsMilliseconds() {
    long[] nanos = new long[200];
    for (int i = 0; i < nanos.length; i++) {
      nanos[i] = (200 - i) * 1_000_000L;
    }
    long[] before = nanos.clone();

    LatencySummary summary = LatencySummary.ofNanos(nanos);

    assertEquals(200, summary.count());
    assertEquals(100.0, summary.p50Ms());
    assertEquals(198.0, summary.p99Ms());
    assertEquals(200.0, summary.maxMs());
    assertEquals(100.5, summary.meanMs(), 1e-9);
    assertArrayEquals(before, nanos);
  }

  @Test
  void summaryKeepsNegativeDifferences() {
    LatencySummary summary = LatencySummary.ofNanos(new long[] {-3_000_000, -1_000_000, 2_000_000});
    assertEquals(-1.0, summary.p50Ms());
    assertEquals(2.0, summary.p99Ms());
  }

  @Test
  void samplesGrowPastTheirFirstCapacity() {
    Samples samples = new Samples();
    assertNull(samples.summary());
    for (long i = 1; i <= 1_000; i++) {
      samples.add(i * 1_000_000L);
    }
    assertEquals(1_000, samples.size());
    assertEquals(500.0, samples.summary().p50Ms());
    assertEquals(990.0, samples.summary().p99Ms());
  }
}
