package dev.chatstream.llm.chat;

/** The time items are stamped with when none is given: seconds since the epoch, fractional. */
public final class Clock {
  private Clock() {}

  /** Now, in seconds since the epoch with microsecond precision. */
  public static double nowSeconds() {
    java.time.Instant now = java.time.Instant.now();
    return now.getEpochSecond() + now.getNano() / 1_000_000_000.0;
  }
}
