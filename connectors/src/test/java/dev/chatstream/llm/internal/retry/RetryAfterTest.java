package dev.chatstream.llm.internal.retry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import okhttp3.Headers;
import org.junit.jupiter.api.Test;

class RetryAfterTest {

  private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"), ZoneOffset.UTC);

  @Test
  void readsSeconds() {
    assertEquals(Duration.ofSeconds(2), RetryAfter.parse(Headers.of("Retry-After", "2"), CLOCK));
    assertEquals(Duration.ofMillis(1500), RetryAfter.parse(Headers.of("Retry-After", "1.5"), CLOCK));
  }

  @Test
  void readsAnHttpDate() {
    Headers headers = Headers.of("Retry-After", "Wed, 01 Jan 2025 00:00:07 GMT");

    assertEquals(Duration.ofSeconds(7), RetryAfter.parse(headers, CLOCK));
  }

  @Test
  void aDateInThePastMeansNoWait() {
    Headers headers = Headers.of("Retry-After", "Tue, 31 Dec 2024 23:59:00 GMT");

    assertEquals(Duration.ZERO, RetryAfter.parse(headers, CLOCK));
  }

  @Test
  void prefersMillisecondsWhenGiven() {
    Headers headers = Headers.of("Retry-After", "20", "retry-after-ms", "250");

    assertEquals(Duration.ofMillis(250), RetryAfter.parse(headers, CLOCK));
  }

  @Test
  void ignoresValuesItCannotRead() {
    assertNull(RetryAfter.parse(Headers.of("Retry-After", "soon"), CLOCK));
    assertNull(RetryAfter.parse(Headers.of(), CLOCK));
    assertEquals(Duration.ofSeconds(4), RetryAfter.parse(Headers.of("retry-after-ms", "x", "Retry-After", "4"), CLOCK));
  }

  @Test
  void aNegativeValueMeansNoWait() {
    assertEquals(Duration.ZERO, RetryAfter.parse(Headers.of("Retry-After", "-3"), CLOCK));
  }
}
