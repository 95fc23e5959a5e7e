package dev.chatstream.llm.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SecretRedactorTest {

  @Test
  void masksEveryOccurrence() {
    SecretRedactor redactor = SecretRedactor.of(List.of("sk-abcdef123"));

    assertEquals("key [redacted] and again [redacted]", redactor.redact("key sk-abcdef123 and again sk-abcdef123"));
  }

  @Test
  void masksALongerSecretWhole() {
    SecretRedactor redactor = SecretRedactor.of(List.of("abcdef123")).with(List.of("Bearer abcdef123"));

    assertEquals("header [redacted]", redactor.redact("header Bearer abcdef123"));
  }

  @Test
  void ignoresMissingAndTinyValues() {
    SecretRedactor redactor = SecretRedactor.of(Arrays.asList(null, "", "  ", "abc"));

    assertEquals("abc is fine", redactor.redact("abc is fine"));
    assertNull(redactor.redact(null));
  }
}
