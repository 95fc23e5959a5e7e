package dev.chatstream.llm.offline;

import java.time.Duration;
import java.util.Objects;

/**
 * How fast the {@link OfflineProvider} streams: the wait before the first word and the wait between
 * words. Zero waits emit the whole reply in one scheduled task, for load tests.
 *
 * @param timeToFirstToken wait from {@code chat} to the first chunk
 * @param interTokenDelay wait between two chunks
 */
public record OfflinePacing(Duration timeToFirstToken, Duration interTokenDelay) {

  private static final OfflinePacing INSTANT = new OfflinePacing(Duration.ZERO, Duration.ZERO);
  private static final OfflinePacing DEFAULTS = new OfflinePacing(Duration.ofMillis(100), Duration.ofMillis(10));

  /**
   * Validates.
   *
   * @throws IllegalArgumentException when a wait is negative
   */
  public OfflinePacing {
    Objects.requireNonNull(timeToFirstToken, "time to first token must not be null");
    Objects.requireNonNull(interTokenDelay, "inter-token delay must not be null");
    if (timeToFirstToken.isNegative()) {
      throw new IllegalArgumentException("time to first token must be >= 0, was " + timeToFirstToken);
    }
    if (interTokenDelay.isNegative()) {
      throw new IllegalArgumentException("inter-token delay must be >= 0, was " + interTokenDelay);
    }
  }

  /** No waits: the reply is emitted as fast as the scheduler runs one task. */
  public static OfflinePacing instant() {
    return INSTANT;
  }

  /** The default: 100 ms to the first word, then 10 ms per word. */
  public static OfflinePacing defaults() {
    return DEFAULTS;
  }

  /** Pacing with these waits. */
  public static OfflinePacing of(Duration timeToFirstToken, Duration interTokenDelay) {
    return new OfflinePacing(timeToFirstToken, interTokenDelay);
  }
}
