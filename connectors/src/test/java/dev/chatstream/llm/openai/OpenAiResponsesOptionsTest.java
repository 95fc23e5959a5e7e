package dev.chatstream.llm.openai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatstream.llm.tools.ToolChoice;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OpenAiResponsesOptionsTest {

  @Test
  void defaultsAreTheReferences() {
    OpenAiResponsesOptions options = OpenAiResponsesOptions.of("sk-x-123456", null);

    assertEquals("gpt-4.1", options.model());
    assertTrue(options.useWebSocket());
    assertEquals(ResponsesState.PREVIOUS_RESPONSE, options.state());
    assertEquals("https://api.openai.com/v1", options.baseUrl());
    assertNull(options.store());
    assertEquals(Map.of(), options.metadata());
    assertEquals("openai", options.providerName());
    assertEquals("openai.responses.LLM", options.label());
  }

  @Test
  void azureUsesTheResourcesV1ApiWithTheDeploymentAsModel() {
    OpenAiResponsesOptions azure = OpenAiResponsesOptions.azure("https://res.openai.azure.com/", "gpt-4o-mini",
        "az-key-123456");

    assertEquals("https://res.openai.azure.com/openai/v1", azure.baseUrl());
    assertEquals("gpt-4o-mini", azure.model());
    assertEquals("azure", azure.providerName());
    assertEquals("azure.responses.LLM", azure.label());
    assertThrows(IllegalArgumentException.class, () -> OpenAiResponsesOptions.azure("https://res.openai.azure.com",
        "gpt-4o-mini", " "));
  }

  @Test
  void readsTheEnvironment() {
    OpenAiResponsesOptions options = OpenAiResponsesOptions.fromEnvironment("gpt-4o", Map.of(
        "OPENAI_API_KEY", "sk-env-123456", "OPENAI_ORG_ID", "org-1", "OPENAI_PROJECT_ID", "proj-1"));

    assertEquals("sk-env-123456", options.apiKey());
    assertEquals("org-1", options.organization());
    assertEquals("proj-1", options.project());
    assertEquals("OpenAI API key is missing: set OPENAI_API_KEY", assertThrows(IllegalStateException.class,
        () -> OpenAiResponsesOptions.fromEnvironment("gpt-4o", Map.of())).getMessage());
    assertNull(OpenAiResponsesOptions.fromEnvironment("qwen3", Map.of("OPENAI_BASE_URL", "http://localhost:8000/v1"))
        .apiKey());
  }

  @Test
  void rejectsBadValues() {
    OpenAiResponsesOptions options = OpenAiResponsesOptions.of("sk-x-123456", "gpt-4.1");

    assertThrows(IllegalArgumentException.class, () -> options.withModel(" "));
    assertThrows(IllegalArgumentException.class, () -> options.withBaseUrl("ftp://example.com"));
    assertThrows(IllegalArgumentException.class, () -> options.withTemperature(Double.NaN));
    assertThrows(IllegalArgumentException.class, () -> options.withReasoningEffort(""));
    assertThrows(IllegalArgumentException.class, () -> OpenAiResponsesOptions.compatible("https://api.openai.com/v1",
        "gpt-4.1"));
    assertThrows(IllegalArgumentException.class, () -> options.withStore(false)
        .withState(ResponsesState.CONVERSATION));
  }

  @Test
  void theLabelFollowsTheProviderNameUnlessSetApart() {
    OpenAiResponsesOptions options = OpenAiResponsesOptions.compatible("http://localhost:8000/v1", "qwen3");

    assertEquals("vllm.responses.LLM", options.withProviderName("vllm").label());
    assertEquals("mine", options.withLabel("mine").withProviderName("vllm").label());
  }

  @Test
  void toStringNeverShowsTheKey() {
    String text = OpenAiResponsesOptions.of("sk-x-123456", "gpt-4.1").withToolChoice(ToolChoice.AUTO)
        .withMetadata(Map.of("tenant", "acme-secret-value")).toString();

    assertFalse(text.contains("sk-x-123456"), text);
    assertFalse(text.contains("acme-secret-value"), "metadata values are not shown: " + text);
    assertTrue(text.contains("apiKey=[hidden]"), text);
  }

  @Test
  void statesParseFromTheirConfigurationNames() {
    assertEquals(ResponsesState.CONVERSATION, ResponsesState.fromId("conversation"));
    assertEquals(ResponsesState.PREVIOUS_RESPONSE, ResponsesState.fromId("previous-response"));
    assertEquals(ResponsesState.NONE, ResponsesState.fromId("NONE"));
    assertEquals("unknown Responses state 'thread' (expected previous-response, conversation or none)",
        assertThrows(IllegalArgumentException.class, () -> ResponsesState.fromId("thread")).getMessage());
  }
}
