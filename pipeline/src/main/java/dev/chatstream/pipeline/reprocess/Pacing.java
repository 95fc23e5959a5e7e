package dev.chatstream.pipeline.reprocess;

/**
 * How fast a reprocessing run may call its LLM. The limits are the client's own: they hold whatever
 * the provider allows, and a {@code 429} with {@code Retry-After} pauses every new generation of the
 * run, not only the one that got it.
 *
 * @param concurrency generations in flight at once
 * @param requestsPerMinute generations started per minute, or null for no limit
 * @param tokensPerMinute tokens (prompt and completion) per minute, or null for no limit
 */
public record Pacing(int concurrency, Integer requestsPerMinute, Integer tokensPerMinute) {

  /** Checks the bounds. */
  public Pacing {
    if (concurrency < 1) {
      throw new IllegalArgumentException("concurrency must be >= 1, was " + concurrency);
    }
    if (requestsPerMinute != null && requestsPerMinute < 1) {
      throw new IllegalArgumentException("rate must be >= 1 per minute, was " + requestsPerMinute);
    }
    if (tokensPerMinute != null && tokensPerMinute < 1) {
      throw new IllegalArgumentException("tokens per minute must be >= 1, was " + tokensPerMinute);
    }
  }

  /** {@code concurrency} in flight, no rate limits. */
  public static Pacing of(int concurrency) {
    return new Pacing(concurrency, null, null);
  }
}
