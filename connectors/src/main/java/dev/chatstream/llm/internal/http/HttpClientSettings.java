package dev.chatstream.llm.internal.http;

import java.time.Duration;
import java.util.Objects;

/**
 * Limits of the shared HTTP client. The defaults allow thousands of concurrent streams: OkHttp's own
 * defaults (64 requests, 5 per host) would queue every generation past the 5th to one provider.
 *
 * @param maxRequests concurrent asynchronous requests across all hosts
 * @param maxRequestsPerHost concurrent asynchronous requests to one host
 * @param maxIdleConnections idle connections each connection pool keeps (see {@link ConnectionLanes})
 * @param keepAlive how long an idle connection is kept
 */
public record HttpClientSettings(
    int maxRequests, int maxRequestsPerHost, int maxIdleConnections, Duration keepAlive) {

  private static final HttpClientSettings DEFAULTS =
      new HttpClientSettings(10_000, 10_000, ConnectionLanes.CALLS_PER_LANE, Duration.ofMinutes(5));

  /**
   * Validates.
   *
   * @throws IllegalArgumentException when a limit is not positive
   */
  public HttpClientSettings {
    requirePositive("max_requests", maxRequests);
    requirePositive("max_requests_per_host", maxRequestsPerHost);
    requirePositive("max_idle_connections", maxIdleConnections);
    Objects.requireNonNull(keepAlive, "keep_alive must not be null");
    if (keepAlive.isNegative() || keepAlive.isZero()) {
      throw new IllegalArgumentException("keep_alive must be > 0, was " + keepAlive);
    }
  }

  /** 10,000 requests (10,000 per host), 128 idle connections per pool kept 5 minutes. */
  public static HttpClientSettings defaults() {
    return DEFAULTS;
  }

  /** A copy with other request limits. */
  public HttpClientSettings withMaxRequests(int total, int perHost) {
    return new HttpClientSettings(total, perHost, maxIdleConnections, keepAlive);
  }

  private static void requirePositive(String name, int value) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be > 0, was " + value);
    }
  }
}
