package dev.chatstream.llm.internal.retry;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import okhttp3.Headers;

/**
 * Reads how long a provider asks a client to wait: {@code retry-after-ms} (milliseconds, as OpenAI
 * sends), else {@code Retry-After} in seconds or as an HTTP date.
 */
final class RetryAfter {

  private RetryAfter() {}

  /** The wait the headers ask for, never negative, or null when they ask for none or cannot be read. */
  static Duration parse(Headers headers, Clock clock) {
    Duration millis = parseMillis(headers.get("retry-after-ms"));
    if (millis != null) {
      return millis;
    }
    String value = headers.get("Retry-After");
    if (value == null || value.isBlank()) {
      return null;
    }
    Duration seconds = parseSeconds(value.strip());
    return seconds != null ? seconds : parseDate(value.strip(), clock);
  }

  private static Duration parseMillis(String value) {
    if (value == null) {
      return null;
    }
    try {
      double millis = Double.parseDouble(value.strip());
      return Double.isFinite(millis) ? nonNegative(Duration.ofNanos((long) (millis * 1_000_000))) : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static Duration parseSeconds(String value) {
    try {
      double seconds = Double.parseDouble(value);
      return Double.isFinite(seconds) ? nonNegative(Duration.ofNanos((long) (seconds * 1_000_000_000L))) : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static Duration parseDate(String value, Clock clock) {
    try {
      ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
      return nonNegative(Duration.between(clock.instant(), at.toInstant()));
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static Duration nonNegative(Duration duration) {
    return duration.isNegative() ? Duration.ZERO : duration;
  }
}
