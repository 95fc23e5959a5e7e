package dev.chatstream.bench;

import java.time.Duration;
import java.util.function.IntConsumer;

/**
 * Starts a number of generations spread evenly over a span, on the calling thread, in 10 ms steps.
 * Started all at once, generations of equal length would end and restart in waves, and a
 * measurement window would count whole waves or none; spread over one reply, they end at an even
 * rate from the start.
 */
final class Stagger {
  private static final long STEP_NANOS = 10_000_000;

  private Stagger() {}

  /** Calls {@code start} with 0 to {@code count - 1}, spread over {@code span} (at once when it is zero). */
  static void over(Duration span, int count, IntConsumer start) {
    long begin = System.nanoTime();
    long spanNanos = span.toNanos();
    int started = 0;
    while (started < count) {
      long elapsed = System.nanoTime() - begin;
      int due = spanNanos <= 0 ? count : (int) Math.min(count, (count * (elapsed + STEP_NANOS)) / spanNanos);
      while (started < due) {
        start.accept(started++);
      }
      if (started < count) {
        BenchPipeline.sleep(Duration.ofNanos(STEP_NANOS));
      }
    }
  }
}
