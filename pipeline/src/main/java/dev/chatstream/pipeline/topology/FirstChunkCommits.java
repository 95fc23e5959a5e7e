package dev.chatstream.pipeline.topology;

import java.time.Duration;

/**
 * Paces the commits requested for first chunks. Under exactly-once, a read_committed consumer sees a
 * chunk only when the transaction that wrote it commits, so without help a reply's first chunk waits
 * for the next scheduled commit, up to the whole commit interval. A commit is requested at once when
 * a first chunk was forwarded and the last such request is at least {@code gap} old, otherwise as
 * soon as it is: a first chunk waits at most {@code gap} (plus one drain), and these requests add at
 * most one commit per {@code gap}.
 */
final class FirstChunkCommits {
  private final long gapNanos;
  private boolean pending;
  private boolean requestedBefore;
  private long lastRequestNanos;

  private FirstChunkCommits(long gapNanos) {
    this.gapNanos = gapNanos;
  }

  /** Requests commits for first chunks at most once per {@code gap}. */
  static FirstChunkCommits every(Duration gap) {
    if (gap.isNegative()) {
      throw new IllegalArgumentException("gap must be >= 0, was " + gap);
    }
    return new FirstChunkCommits(gap.toNanos());
  }

  /** Never requests a commit: chunks are visible at once, or the user chose the commit interval alone. */
  static FirstChunkCommits never() {
    return new FirstChunkCommits(-1);
  }

  /** Notes that at least one first chunk was forwarded. */
  void firstChunkForwarded() {
    pending = gapNanos >= 0;
  }

  /** True when a commit should be requested at {@code nowNanos}; the request is then counted as made. */
  boolean due(long nowNanos) {
    if (!pending || requestedBefore && nowNanos - lastRequestNanos < gapNanos) {
      return false;
    }
    pending = false;
    requestedBefore = true;
    lastRequestNanos = nowNanos;
    return true;
  }
}
