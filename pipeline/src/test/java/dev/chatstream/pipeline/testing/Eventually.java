package dev.chatstream.pipeline.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Polls a condition until it holds; failing after a deadline with a message that names what was awaited. */
public final class Eventually {
  private static final long POLL_MILLIS = 20;

  private Eventually() {}

  /**
   * Returns once {@code condition} holds.
   *
   * @throws AssertionError when it does not hold within {@code timeout}
   */
  public static void until(Duration timeout, String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out after " + timeout.toMillis() + " ms waiting for " + what);
      }
      try {
        Thread.sleep(POLL_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted while waiting for " + what, e);
      }
    }
  }
}
