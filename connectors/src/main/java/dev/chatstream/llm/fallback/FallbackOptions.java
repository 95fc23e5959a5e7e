package dev.chatstream.llm.fallback;

import dev.chatstream.llm.ConnectOptions;
import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link FallbackAdapter} drives its members: each member gets {@link #memberConnectOptions()}
 * for its attempt, and a member that fails after a response chunk reached the caller ends the
 * generation unless {@code retryOnChunkSent} is set.
 *
 * @param attemptTimeout timeout of one member attempt (the member's connect and read timeout)
 * @param maxRetryPerLlm retries inside one member before moving on (0: move on at once)
 * @param retryInterval wait between a member's own retries
 * @param retryOnChunkSent whether to try the next member after a response chunk was already sent
 */
public record FallbackOptions(
    Duration attemptTimeout, int maxRetryPerLlm, Duration retryInterval, boolean retryOnChunkSent) {

  private static final FallbackOptions DEFAULTS =
      new FallbackOptions(Duration.ofMillis(5000), 0, Duration.ofMillis(500), false);

  /**
   * Validates.
   *
   * @throws IllegalArgumentException when a value is negative
   */
  public FallbackOptions {
    Objects.requireNonNull(attemptTimeout, "attempt_timeout must not be null");
    Objects.requireNonNull(retryInterval, "retry_interval must not be null");
    if (attemptTimeout.isNegative()) {
      throw new IllegalArgumentException("attempt_timeout must be >= 0, was " + attemptTimeout);
    }
    if (maxRetryPerLlm < 0) {
      throw new IllegalArgumentException("max_retry_per_llm must be >= 0, was " + maxRetryPerLlm);
    }
    if (retryInterval.isNegative()) {
      throw new IllegalArgumentException("retry_interval must be >= 0, was " + retryInterval);
    }
  }

  /** 5 s attempt timeout, no retries inside a member, 0.5 s retry interval, no retry once a chunk was sent. */
  public static FallbackOptions defaults() {
    return DEFAULTS;
  }

  /** A copy with another attempt timeout. */
  public FallbackOptions withAttemptTimeout(Duration timeout) {
    return new FallbackOptions(timeout, maxRetryPerLlm, retryInterval, retryOnChunkSent);
  }

  /** A copy with another retry count per member. */
  public FallbackOptions withMaxRetryPerLlm(int retries) {
    return new FallbackOptions(attemptTimeout, retries, retryInterval, retryOnChunkSent);
  }

  /** A copy with another retry interval. */
  public FallbackOptions withRetryInterval(Duration interval) {
    return new FallbackOptions(attemptTimeout, maxRetryPerLlm, interval, retryOnChunkSent);
  }

  /** A copy that does or does not try the next member after a chunk was sent. */
  public FallbackOptions withRetryOnChunkSent(boolean retry) {
    return new FallbackOptions(attemptTimeout, maxRetryPerLlm, retryInterval, retry);
  }

  /** The connect options each member's attempt runs with. */
  public ConnectOptions memberConnectOptions() {
    return new ConnectOptions(maxRetryPerLlm, retryInterval, attemptTimeout);
  }
}
