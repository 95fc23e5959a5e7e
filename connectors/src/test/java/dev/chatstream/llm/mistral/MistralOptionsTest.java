package dev.chatstream.llm.mistral;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class MistralOptionsTest {

  private static final String KEY = "mistral-OPTIONS-CANARY-12345";

  @Test
  void fillsInTheDefaults() {
    MistralOptions options = MistralOptions.of(KEY, null);

    assertEquals("mistral-small-latest", options.model());
    assertEquals("https://api.mistral.ai/v1", options.baseUrl());
    assertEquals("mistral.LLM", options.label());
  }

  @Test
  void readsTheKeyFromTheEnvironment() {
    assertEquals(KEY, MistralOptions.fromEnvironment(null, Map.of("MISTRAL_API_KEY", KEY)).apiKey());
    IllegalStateException missing = assertThrows(IllegalStateException.class,
        () -> MistralOptions.fromEnvironment(null, Map.of()));
    assertTrue(missing.getMessage().contains("MISTRAL_API_KEY"));
  }

  @Test
  void neverPrintsTheKey() {
    assertFalse(MistralOptions.of(KEY, null).toString().contains(KEY));
  }
}
