package dev.chatstream.bench;

/** Nearest-rank percentiles of sorted samples. */
final class Percentiles {
  private Percentiles() {}

  /**
   * The smallest sample at or above which lies at least {@code quantile} of the samples: the value
   * at rank ceil(quantile × n), counting from 1.
   *
   * @param sorted samples in ascending order, at least one
   * @param quantile between 0 (exclusive) and 1 (inclusive), e.g. 0.99
   * @throws IllegalArgumentException when there are no samples or the quantile is out of range
   */
  static long nearestRank(long[] sorted, double quantile) {
    if (sorted.length == 0) {
      throw new IllegalArgumentException("no samples");
    }
    if (!(quantile > 0 && quantile <= 1)) {
      throw new IllegalArgumentException("quantile must be in (0, 1], was " + quantile);
    }
    int rank = (int) Math.ceil(quantile * sorted.length - 1e-9);
    return sorted[Math.max(rank, 1) - 1];
  }
}
