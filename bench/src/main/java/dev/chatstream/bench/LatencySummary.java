package dev.chatstream.bench;

import java.util.Arrays;

/**
 * Latencies summarised: how many, the median, the 99th percentile (nearest rank), the largest and the
 * mean, in milliseconds. Values may be negative (a difference of two latencies).
 *
 * @param count how many samples
 * @param p50Ms the median
 * @param p99Ms the 99th percentile
 * @param maxMs the largest sample
 * @param meanMs the mean
 */
public record LatencySummary(int count, double p50Ms, double p99Ms, double maxMs, double meanMs) {

  /**
   * The summary of {@code nanos} (in any order; the array is not changed).
   *
   * @throws IllegalArgumentException when there are no samples
   */
  public static LatencySummary ofNanos(long[] nanos) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    double sum = 0;
    for (long value : sorted) {
      sum += value;
    }
    return new LatencySummary(sorted.length, millis(Percentiles.nearestRank(sorted, 0.50)),
        millis(Percentiles.nearestRank(sorted, 0.99)), millis(sorted[sorted.length - 1]), sum / sorted.length / 1e6);
  }

  private static double millis(long nanos) {
    return nanos / 1e6;
  }
}
