package dev.chatstream.bench;

import java.util.Arrays;

/** A growing list of nanosecond samples that several threads may add to. */
final class Samples {
  private long[] values = new long[256];
  private int size;

  synchronized void add(long nanos) {
    if (size == values.length) {
      values = Arrays.copyOf(values, size * 2);
    }
    values[size++] = nanos;
  }

  /** Adds a sample measured in whole milliseconds (a wall-clock difference). */
  void addMillis(long millis) {
    add(millis * 1_000_000);
  }

  synchronized int size() {
    return size;
  }

  synchronized long[] toArray() {
    return Arrays.copyOf(values, size);
  }

  /** The summary of the samples so far, or null when there are none. */
  LatencySummary summary() {
    long[] all = toArray();
    return all.length == 0 ? null : LatencySummary.ofNanos(all);
  }
}
