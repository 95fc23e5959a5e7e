package dev.chatstream.pipeline.internals.generation;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The bound on generations in flight on one instance, shared by every task and stream thread.
 * A generation that finds no permit stays queued in its conversation's generations store and is
 * started by a later drain, when a permit is free.
 */
public final class InflightLimiter {
  private final int max;
  private final AtomicInteger inflight = new AtomicInteger();

  /** @throws IllegalArgumentException when {@code max} is not positive */
  public InflightLimiter(int max) {
    if (max <= 0) {
      throw new IllegalArgumentException("max in-flight generations must be > 0, was " + max);
    }
    this.max = max;
  }

  /** Takes a permit if one is free. */
  public boolean tryAcquire() {
    while (true) {
      int current = inflight.get();
      if (current >= max) {
        return false;
      }
      if (inflight.compareAndSet(current, current + 1)) {
        return true;
      }
    }
  }

  /** Returns a permit taken by {@link #tryAcquire()}. */
  public void release() {
    if (inflight.decrementAndGet() < 0) {
      inflight.incrementAndGet();
      throw new IllegalStateException("released more in-flight permits than were acquired");
    }
  }

  /** Generations in flight now. */
  public int inflight() {
    return inflight.get();
  }

  /** The bound. */
  public int max() {
    return max;
  }
}
