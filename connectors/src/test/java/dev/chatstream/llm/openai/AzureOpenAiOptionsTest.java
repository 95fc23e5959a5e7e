package dev.chatstream.llm.openai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

class AzureOpenAiOptionsTest {

  @Test
  void readsTheEnvironment() {
    AzureOpenAiOptions options = AzureOpenAiOptions.fromEnvironment("gpt-4o-mini", Map.of(
        "AZURE_OPENAI_ENDPOINT", "https://res.openai.azure.com", "AZURE_OPENAI_API_KEY", "azure-key-123",
        "OPENAI_API_VERSION", "2025-01-01-preview"));

    assertEquals("https://res.openai.azure.com", options.endpoint());
    assertEquals("2025-01-01-preview", options.apiVersion());
    assertEquals("gpt-4o-mini", options.model());
    assertEquals("azure.LLM", options.label());
  }

  @Test
  void defaultsTheApiVersion() {
    assertEquals(AzureOpenAiOptions.DEFAULT_API_VERSION,
        AzureOpenAiOptions.of("https://res.openai.azure.com", "d", "azure-key-123").apiVersion());
  }

  @Test
  void missingSettingsNameTheVariables() {
    IllegalStateException noEndpoint = assertThrows(IllegalStateException.class,
        () -> AzureOpenAiOptions.fromEnvironment("d", Map.of("AZURE_OPENAI_API_KEY", "azure-key-123")));
    IllegalStateException noKey = assertThrows(IllegalStateException.class,
        () -> AzureOpenAiOptions.fromEnvironment("d", Map.of("AZURE_OPENAI_ENDPOINT", "https://res.openai.azure.com")));

    assertEquals("Azure OpenAI endpoint is missing: set AZURE_OPENAI_ENDPOINT", noEndpoint.getMessage());
    assertEquals("Azure OpenAI API key is missing: set AZURE_OPENAI_API_KEY", noKey.getMessage());
  }

  @Test
  void rejectsBadValues() {
    assertThrows(IllegalArgumentException.class, () -> AzureOpenAiOptions.of("nope", "d", "k"));
    assertThrows(IllegalArgumentException.class, () -> AzureOpenAiOptions.of("https://res.openai.azure.com", "", "k"));
    assertThrows(IllegalArgumentException.class, () -> AzureOpenAiOptions.of("https://res.openai.azure.com", "d", null));
  }

  @Test
  void printsNoKey() {
    String text = AzureOpenAiOptions.of("https://res.openai.azure.com", "d", "azure-very-secret").toString();

    assertFalse(text.contains("azure-very-secret"), text);
  }
}
