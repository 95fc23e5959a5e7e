package dev.chatstream.bench;

import java.time.Duration;
import java.util.Objects;

/**
 * How {@link SimulatedOpenAiServer} answers a Chat Completions request: the first content chunk after
 * {@code timeToFirstToken}, then one content chunk every {@code tokenDelay} until {@code tokens} were
 * sent; a fraction {@code failureRate} of requests is answered with HTTP 500 instead.
 *
 * @param timeToFirstToken wait from the request to the first content chunk
 * @param tokenDelay wait between two content chunks
 * @param tokens content chunks per reply, at least 1
 * @param failureRate fraction of requests that fail with HTTP 500, from 0 to 1
 */
public record ServerBehaviour(Duration timeToFirstToken, Duration tokenDelay, int tokens, double failureRate) {

  /**
   * Validates.
   *
   * @throws IllegalArgumentException when a duration is negative, tokens is below 1 or the rate is
   *     outside 0..1
   */
  public ServerBehaviour {
    Objects.requireNonNull(timeToFirstToken, "time to first token");
    Objects.requireNonNull(tokenDelay, "token delay");
    if (timeToFirstToken.isNegative() || tokenDelay.isNegative()) {
      throw new IllegalArgumentException("time to first token and token delay must be >= 0");
    }
    if (tokens < 1) {
      throw new IllegalArgumentException("tokens must be >= 1, was " + tokens);
    }
    if (!(failureRate >= 0 && failureRate <= 1)) {
      throw new IllegalArgumentException("failure rate must be between 0 and 1, was " + failureRate);
    }
  }

  /** A behaviour in milliseconds. */
  public static ServerBehaviour of(long ttftMs, long tokenDelayMs, int tokens, double failureRate) {
    return new ServerBehaviour(Duration.ofMillis(ttftMs), Duration.ofMillis(tokenDelayMs), tokens, failureRate);
  }

  /** How long one successful reply streams: time to first token plus the gaps between its tokens. */
  public Duration replyDuration() {
    return timeToFirstToken.plus(tokenDelay.multipliedBy(tokens - 1L));
  }

  /** A copy that never fails. */
  public ServerBehaviour withoutFailures() {
    return new ServerBehaviour(timeToFirstToken, tokenDelay, tokens, 0);
  }

  /** A copy with another gap between tokens. */
  public ServerBehaviour withTokenDelay(Duration delay) {
    return new ServerBehaviour(timeToFirstToken, delay, tokens, failureRate);
  }

  /** True when request number {@code n} (from 0) fails: failures are spread evenly, exactly at the rate. */
  boolean fails(long n) {
    return Math.floor((n + 1) * failureRate) > Math.floor(n * failureRate);
  }
}
