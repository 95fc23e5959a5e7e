package dev.chatstream.llm.anthropic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class AnthropicOptionsTest {

  private static final String KEY = "sk-ant-OPTIONS-CANARY-1234567890";

  @Test
  void fillsInTheDocumentedDefaults() {
    AnthropicOptions options = AnthropicOptions.of(KEY, null);

    assertEquals("claude-sonnet-4-20250514", options.model());
    assertEquals("https://api.anthropic.com", options.baseUrl());
    assertEquals("2023-06-01", options.apiVersion());
    assertEquals(1024, options.maxTokens());
    assertFalse(options.promptCaching());
    assertEquals("anthropic.LLM", options.label());
  }

  @Test
  void readsTheKeyAndBaseUrlFromTheEnvironment() {
    AnthropicOptions options = AnthropicOptions.fromEnvironment("claude-3-5-haiku-latest",
        Map.of("ANTHROPIC_API_KEY", KEY, "ANTHROPIC_BASE_URL", "http://proxy.local:8080"));

    assertEquals(KEY, options.apiKey());
    assertEquals("http://proxy.local:8080", options.baseUrl());
    assertEquals("claude-3-5-haiku-latest", options.model());
  }

  @Test
  void aMissingKeyNamesTheVariable() {
    IllegalStateException missing = assertThrows(IllegalStateException.class,
        () -> AnthropicOptions.fromEnvironment(null, Map.of()));

    assertTrue(missing.getMessage().contains("ANTHROPIC_API_KEY"), missing.getMessage());
    assertThrows(IllegalArgumentException.class, () -> AnthropicOptions.of(" ", null));
  }

  @Test
  void rejectsAMaxTokensThatIsNotPositiveAndAUrlThatIsNotHttp() {
    assertThrows(IllegalArgumentException.class, () -> AnthropicOptions.of(KEY, null).withMaxTokens(0));
    assertThrows(IllegalArgumentException.class, () -> AnthropicOptions.of(KEY, null).withBaseUrl("ftp://x"));
  }

  @Test
  void neverPrintsTheKey() {
    assertFalse(AnthropicOptions.of(KEY, null).toString().contains(KEY));
  }
}
