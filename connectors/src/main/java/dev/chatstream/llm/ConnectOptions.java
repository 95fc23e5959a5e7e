package dev.chatstream.llm;

import java.time.Duration;
import java.util.Objects;

/**
 * How hard a connector tries: retries after the first attempt, the wait between them, and the
 * per-attempt timeout (connect and read; a long stream is bounded by the read timeout, not a call timeout).
 *
 * @param maxRetry retries after the first attempt
 * @param retryInterval wait between retries after the first (the first retry waits 0.1 s)
 * @param timeout connect and read timeout of one attempt
 */
public record ConnectOptions(int maxRetry, Duration retryInterval, Duration timeout) {

  /** The first retry waits this long; later ones wait {@link #retryInterval()}. */
  public static final Duration FIRST_RETRY_DELAY = Duration.ofMillis(100);

  private static final ConnectOptions DEFAULTS =
      new ConnectOptions(3, Duration.ofMillis(2000), Duration.ofMillis(10_000));

  /**
   * Validates.
   *
   * @throws IllegalArgumentException when a value is negative
   */
  public ConnectOptions {
    Objects.requireNonNull(retryInterval, "retry_interval must not be null");
    Objects.requireNonNull(timeout, "timeout must not be null");
    if (maxRetry < 0) {
      throw new IllegalArgumentException("max_retry must be >= 0, was " + maxRetry);
    }
    if (retryInterval.isNegative()) {
      throw new IllegalArgumentException("retry_interval must be >= 0, was " + retryInterval);
    }
    if (timeout.isNegative()) {
      throw new IllegalArgumentException("timeout must be >= 0, was " + timeout);
    }
  }

  /** 3 retries, 2.0 s between retries, 10 s timeout. */
  public static ConnectOptions defaults() {
    return DEFAULTS;
  }

  /** A copy with another retry count. */
  public ConnectOptions withMaxRetry(int retries) {
    return new ConnectOptions(retries, retryInterval, timeout);
  }

  /** A copy with another retry interval. */
  public ConnectOptions withRetryInterval(Duration interval) {
    return new ConnectOptions(maxRetry, interval, timeout);
  }

  /** A copy with another timeout. */
  public ConnectOptions withTimeout(Duration attemptTimeout) {
    return new ConnectOptions(maxRetry, retryInterval, attemptTimeout);
  }

  /** The wait before retry number {@code retry} (1-based): 0.1 s for the first, else the interval. */
  public Duration delayBeforeRetry(int retry) {
    return retry <= 1 ? FIRST_RETRY_DELAY : retryInterval;
  }
}
