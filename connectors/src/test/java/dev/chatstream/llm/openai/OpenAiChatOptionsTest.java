package dev.chatstream.llm.openai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OpenAiChatOptionsTest {

  @Test
  void defaultsToOpenAi() {
    OpenAiChatOptions options = OpenAiChatOptions.of("sk-x-123456", "gpt-4.1-mini");

    assertEquals("https://api.openai.com/v1", options.baseUrl());
    assertEquals("openai", options.providerName());
    assertEquals("openai.LLM", options.label());
    assertEquals(Map.of(), options.extraOptions());
  }

  @Test
  void readsTheEnvironment() {
    OpenAiChatOptions options = OpenAiChatOptions.fromEnvironment("gpt-4o", Map.of(
        "OPENAI_API_KEY", "sk-env-123456", "OPENAI_ORG_ID", "org-1", "OPENAI_PROJECT_ID", "proj-1"));

    assertEquals("sk-env-123456", options.apiKey());
    assertEquals("org-1", options.organization());
    assertEquals("proj-1", options.project());
  }

  @Test
  void aMissingKeyNamesTheVariable() {
    IllegalStateException error =
        assertThrows(IllegalStateException.class, () -> OpenAiChatOptions.fromEnvironment("gpt-4o", Map.of()));

    assertEquals("OpenAI API key is missing: set OPENAI_API_KEY", error.getMessage());
  }

  @Test
  void aCompatibleServerFromTheEnvironmentNeedsNoKey() {
    OpenAiChatOptions options = OpenAiChatOptions.fromEnvironment("llama3.1",
        Map.of("OPENAI_BASE_URL", "http://localhost:11434/v1"));

    assertNull(options.apiKey());
    assertEquals("http://localhost:11434/v1", options.baseUrl());
  }

  @Test
  void openAiItselfNeedsAKey() {
    assertThrows(IllegalArgumentException.class, () -> OpenAiChatOptions.compatible("https://api.openai.com/v1", "gpt-4o"));
    assertThrows(IllegalArgumentException.class, () -> OpenAiChatOptions.of("", "gpt-4o"));
  }

  @Test
  void rejectsBadValues() {
    assertThrows(IllegalArgumentException.class, () -> OpenAiChatOptions.of("sk-x-123456", " "));
    assertThrows(IllegalArgumentException.class, () -> OpenAiChatOptions.of("sk-x-123456", "m").withBaseUrl("not a url"));
  }

  @Test
  void copiesExtraOptions() {
    Map<String, Object> extra = new HashMap<>(Map.of("temperature", 0.3));
    OpenAiChatOptions options = OpenAiChatOptions.of("sk-x-123456", "m").withExtraOptions(extra);
    extra.put("top_p", 0.1);

    assertEquals(Map.of("temperature", 0.3), options.extraOptions());
    assertThrows(UnsupportedOperationException.class, () -> options.extraOptions().put("n", 1));
  }

  @Test
  void aDefaultLabelFollowsTheProviderName() {
    OpenAiChatOptions groq = OpenAiChatOptions.of("gsk-123456", "llama-3.3-70b-versatile")
        .withBaseUrl("https://api.groq.com/openai/v1").withProviderName("groq");
    OpenAiChatOptions labelled = groq.withLabel("groq.fast").withProviderName("groq2");

    assertEquals("groq.LLM", groq.label());
    assertEquals("groq.fast", labelled.label());
  }

  @Test
  void printsNoKey() {
    String text = OpenAiChatOptions.of("sk-very-secret-key", "m").withExtraOptions(Map.of("temperature", 1)).toString();

    assertFalse(text.contains("sk-very-secret-key"), text);
    assertTrue(text.contains("apiKey=[hidden]"), text);
  }
}
