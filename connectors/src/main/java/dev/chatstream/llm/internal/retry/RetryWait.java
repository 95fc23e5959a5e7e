package dev.chatstream.llm.internal.retry;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * How the retry loop waits between attempts. The loop runs on its own (virtual) thread, never the
 * caller's; a cancelled stream ends the wait at once.
 */
@FunctionalInterface
public interface RetryWait {

  /**
   * Waits {@code delay}, or less if {@code cancelled} opens first.
   *
   * @return true when the stream was cancelled during the wait
   * @throws InterruptedException when the waiting thread is interrupted
   */
  boolean await(Duration delay, CountDownLatch cancelled) throws InterruptedException;

  /** Waits on the clock. */
  static RetryWait realTime() {
    return (delay, cancelled) -> cancelled.await(delay.toNanos(), TimeUnit.NANOSECONDS);
  }
}
