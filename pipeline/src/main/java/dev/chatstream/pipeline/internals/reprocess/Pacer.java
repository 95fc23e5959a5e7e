package dev.chatstream.pipeline.internals.reprocess;

import dev.chatstream.pipeline.reprocess.Pacing;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * The client-side limits of a run, shared by its stream threads: a request rate (a token bucket that
 * holds one request, so starts are spread evenly, never bursted), a token budget per minute (debited
 * with an estimate when a generation starts and settled with its usage when it ends), and a pause that
 * a provider's {@code 429 Retry-After} sets for the whole run. The concurrency bound is the run's
 * in-flight limiter. Never blocks: a start that is not allowed now is tried again at a later drain.
 */
public final class Pacer {
  private static final long MINUTE_NANOS = Duration.ofMinutes(1).toNanos();

  private final Pacing pacing;
  private final LongSupplier nanoClock;
  private long nextStartNanos;
  private double tokens;
  private long tokensAtNanos;
  private long pausedUntilNanos;

  /** Limits by {@code pacing}, on {@code nanoClock} ({@link System#nanoTime} in a run). */
  public Pacer(Pacing pacing, LongSupplier nanoClock) {
    this.pacing = pacing;
    this.nanoClock = nanoClock;
    long now = nanoClock.getAsLong();
    this.nextStartNanos = now;
    this.tokensAtNanos = now;
    this.tokens = pacing.tokensPerMinute() == null ? 0 : pacing.tokensPerMinute();
  }

  /** Generations in flight at once. */
  public int concurrency() {
    return pacing.concurrency();
  }

  /**
   * Takes a start if every limit allows one now.
   *
   * @param estimatedTokens what the generation is expected to cost, debited from the token budget
   */
  synchronized boolean tryStart(long estimatedTokens) {
    long now = nanoClock.getAsLong();
    if (now < pausedUntilNanos || pacing.requestsPerMinute() != null && now < nextStartNanos) {
      return false;
    }
    if (pacing.tokensPerMinute() != null) {
      refill(now);
      if (tokens <= 0) {
        return false;
      }
      tokens -= estimatedTokens;
    }
    if (pacing.requestsPerMinute() != null) {
      nextStartNanos = Math.max(nextStartNanos, now) + MINUTE_NANOS / pacing.requestsPerMinute();
    }
    return true;
  }

  /** Gives back a start taken by {@link #tryStart} that did not happen after all. */
  synchronized void refund(long estimatedTokens) {
    if (pacing.requestsPerMinute() != null) {
      nextStartNanos -= MINUTE_NANOS / pacing.requestsPerMinute();
    }
    tokens += pacing.tokensPerMinute() == null ? 0 : estimatedTokens;
  }

  /** Settles a finished generation's estimate against the tokens it really used. */
  synchronized void settle(long estimatedTokens, long usedTokens) {
    if (pacing.tokensPerMinute() != null) {
      refill(nanoClock.getAsLong());
      tokens += estimatedTokens - usedTokens;
    }
  }

  /** Starts nothing new for {@code wait}: the provider asked every caller to slow down. */
  synchronized void pause(Duration wait) {
    pausedUntilNanos = Math.max(pausedUntilNanos, nanoClock.getAsLong() + wait.toNanos());
  }

  private void refill(long now) {
    double perNano = (double) pacing.tokensPerMinute() / MINUTE_NANOS;
    tokens = Math.min(pacing.tokensPerMinute(), tokens + (now - tokensAtNanos) * perNano);
    tokensAtNanos = now;
  }
}
