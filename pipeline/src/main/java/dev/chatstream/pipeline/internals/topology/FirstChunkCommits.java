package dev.chatstream.pipeline.internals.topology;

import java.time.Duration;

/**
 * Paces the commits requested for first chunks. Under exactly-once, a read_committed consumer sees a
 * chunk only when the transaction that wrote it commits, so without help a reply's first chunk waits
 * for the next scheduled commit, up to the whole commit interval. A commit is requested at once when
 * a first chunk was forwarded and the last such request is at least {@code gap} old, otherwise as
 * soon as it is: a first chunk waits at most {@code gap} (plus one drain).
 *
 * <p>Kafka Streams commits every task of a stream thread when one of them asks, so the pacing state
 * is the thread's, shared by the processors of all its tasks (they are only ever called on it): a
 * thread adds at most one commit per {@code gap}, however many partitions it owns.
 */
public final class FirstChunkCommits {
  private final long gapNanos;
  private final ThreadLocal<ThreadState> threads = ThreadLocal.withInitial(ThreadState::new);

  private FirstChunkCommits(long gapNanos) {
    this.gapNanos = gapNanos;
  }

  /** Requests commits for first chunks at most once per {@code gap} on each stream thread. */
  public static FirstChunkCommits every(Duration gap) {
    if (gap.isNegative()) {
      throw new IllegalArgumentException("gap must be >= 0, was " + gap);
    }
    return new FirstChunkCommits(gap.toNanos());
  }

  /** Never requests a commit: chunks are visible at once, or the user chose the commit interval alone. */
  public static FirstChunkCommits never() {
    return new FirstChunkCommits(-1);
  }

  /** Notes that the calling stream thread forwarded at least one first chunk. */
  void firstChunkForwarded() {
    if (gapNanos >= 0) {
      threads.get().pending = true;
    }
  }

  /**
   * True when the calling stream thread should request a commit at {@code nowNanos}; the request is
   * then counted as made.
   */
  boolean due(long nowNanos) {
    if (gapNanos < 0) {
      return false;
    }
    ThreadState thread = threads.get();
    if (!thread.pending || thread.requestedBefore && nowNanos - thread.lastRequestNanos < gapNanos) {
      return false;
    }
    thread.pending = false;
    thread.requestedBefore = true;
    thread.lastRequestNanos = nowNanos;
    return true;
  }

  private static final class ThreadState {
    private boolean pending;
    private boolean requestedBefore;
    private long lastRequestNanos;
  }
}
