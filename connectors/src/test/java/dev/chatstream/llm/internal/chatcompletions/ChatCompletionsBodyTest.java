package dev.chatstream.llm.internal.chatcompletions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chatstream.llm.LlmRequest;
import dev.chatstream.llm.chat.ChatContext;
import dev.chatstream.llm.chat.ChatMessage;
import dev.chatstream.llm.chat.ChatRole;
import dev.chatstream.llm.tools.FunctionTool;
import dev.chatstream.llm.tools.ToolChoice;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChatCompletionsBodyTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final BodyRules OPENAI = new BodyRules(false, true);
  private static final BodyRules LIVEKIT = new BodyRules(true, false);

  private final LlmRequest request = LlmRequest.of("r", ChatContext.of(List.of(
      ChatMessage.of(ChatRole.SYSTEM, "Be brief."), ChatMessage.of(ChatRole.USER, "Weather in Paris?"))));

  @Test
  void streamsWithUsageAndTheMessagesInTheOpenAiFormat() throws Exception {
    ObjectNode body = build(OPENAI, Map.of(), request, "gpt-4.1");

    assertEquals(JSON.readTree("""
        {"model": "gpt-4.1",
         "messages": [{"role": "system", "content": "Be brief."}, {"role": "user", "content": "Weather in Paris?"}],
         "stream": true, "stream_options": {"include_usage": true}}"""), body);
  }

  @Test
  void sendsToolsInStrictModeWithTheToolChoiceAndParallelFlag() throws Exception {
    ObjectNode body = build(OPENAI, Map.of(), request.withTools(List.of(weatherTool()))
        .withToolChoice(ToolChoice.function("get_weather")).withParallelToolCalls(false), "gpt-4.1");

    assertEquals(JSON.readTree("""
        [{"type": "function", "function": {"name": "get_weather", "strict": true,
          "description": "Current weather",
          "parameters": {"type": "object", "properties": {"city": {"type": "string"}},
                         "required": ["city"], "additionalProperties": false}}}]"""), body.get("tools"));
    assertEquals(JSON.readTree("{\"type\": \"function\", \"function\": {\"name\": \"get_weather\"}}"),
        body.get("tool_choice"));
    assertFalse(body.get("parallel_tool_calls").asBoolean());
  }

  @Test
  void mapsTheToolChoiceModes() {
    LlmRequest withTools = request.withTools(List.of(weatherTool()));

    assertEquals("required", build(OPENAI, Map.of(), withTools.withToolChoice(ToolChoice.REQUIRED), "m").get("tool_choice").asText());
    assertEquals("none", build(OPENAI, Map.of(), withTools.withToolChoice(ToolChoice.NONE), "m").get("tool_choice").asText());
    assertEquals("auto", build(OPENAI, Map.of(), withTools.withToolChoice(ToolChoice.AUTO), "m").get("tool_choice").asText());
  }

  @Test
  void dropsToolChoiceAndParallelFlagWithoutTools() {
    ObjectNode body = build(OPENAI, Map.of("tool_choice", "required"),
        request.withToolChoice(ToolChoice.REQUIRED).withParallelToolCalls(true), "gpt-4.1");

    assertFalse(body.has("tools"));
    assertFalse(body.has("tool_choice"));
    assertFalse(body.has("parallel_tool_calls"));
  }

  @Test
  void rejectsDuplicateToolNames() {
    LlmRequest duplicated = request.withTools(List.of(weatherTool(), weatherTool()));

    assertThrows(IllegalArgumentException.class, () -> build(OPENAI, Map.of(), duplicated, "m"));
  }

  @Test
  void requestOptionsOverrideTheProvidersForOpenAi() {
    ObjectNode body = build(OPENAI, Map.of("temperature", 0.2, "max_completion_tokens", 50),
        request.withExtraOptions(Map.of("temperature", 0.9)), "gpt-4.1");

    assertEquals(0.9, body.get("temperature").asDouble());
    assertEquals(50, body.get("max_completion_tokens").asInt());
  }

  @Test
  void providerOptionsOverrideTheRequestsForLiveKit() {
    ObjectNode body = build(LIVEKIT, Map.of("temperature", 0.2),
        request.withExtraOptions(Map.of("temperature", 0.9, "top_p", 0.5)), "openai/gpt-4.1-mini");

    assertEquals(0.2, body.get("temperature").asDouble());
    assertEquals(0.5, body.get("top_p").asDouble());
  }

  @Test
  void mergesExtraBodyIntoTheBody() {
    ObjectNode body = build(OPENAI, Map.of(),
        request.withExtraOptions(Map.of("extra_body", Map.of("reasoning_format", "raw", "seed", 7))), "gpt-4.1");

    assertEquals("raw", body.get("reasoning_format").asText());
    assertEquals(7, body.get("seed").asInt());
    assertFalse(body.has("extra_body"));
  }

  @Test
  void refusesExtraOptionsThatOverrideWhatTheConnectorSets() {
    for (String reserved : List.of("model", "messages", "stream", "stream_options", "tools")) {
      LlmRequest bad = request.withExtraOptions(Map.of(reserved, "x"));
      IllegalArgumentException error =
          assertThrows(IllegalArgumentException.class, () -> build(OPENAI, Map.of(), bad, "gpt-4.1"));
      assertTrue(error.getMessage().contains("'" + reserved + "'"), error.getMessage());
    }
  }

  @Test
  void dropsSamplingParametersForReasoningModels() {
    ObjectNode body = build(OPENAI, Map.of("temperature", 0.3, "top_p", 0.9, "n", 1, "max_completion_tokens", 99),
        request.withExtraOptions(Map.of("presence_penalty", 0.1, "frequency_penalty", 0.1,
            "logit_bias", Map.of("1", 2), "logprobs", true)), "o3-mini");

    for (String dropped : ModelFamily.UNSUPPORTED_BY_REASONING_MODELS) {
      assertFalse(body.has(dropped), dropped);
    }
    assertEquals(99, body.get("max_completion_tokens").asInt());
  }

  @Test
  void givesGpt5ALowReasoningEffortUnlessOneIsSet() {
    assertEquals("minimal", build(OPENAI, Map.of(), request, "gpt-5-mini").get("reasoning_effort").asText());
    assertEquals("none", build(OPENAI, Map.of(), request, "gpt-5.1").get("reasoning_effort").asText());
    assertEquals("high", build(OPENAI, Map.of("reasoning_effort", "high"), request, "gpt-5").get("reasoning_effort").asText());
    assertFalse(build(OPENAI, Map.of(), request, "gpt-4.1").has("reasoning_effort"));
  }

  @Test
  void liveKitSendsNoDefaultReasoningEffortButStillDropsSamplingParameters() {
    ObjectNode body = build(LIVEKIT, Map.of("temperature", 0.5), request, "openai/gpt-5-mini");

    assertFalse(body.has("reasoning_effort"));
    assertFalse(body.has("temperature"));
    assertEquals("openai/gpt-5-mini", body.get("model").asText());
  }

  private static ObjectNode build(BodyRules rules, Map<String, Object> providerOptions, LlmRequest request, String model) {
    return new ChatCompletionsBody(JSON, rules, providerOptions).build(request, model);
  }

  private static FunctionTool weatherTool() {
    JsonNode schema;
    try {
      schema = JSON.readTree("{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}}}");
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    return new FunctionTool("get_weather", "Current weather", (ObjectNode) schema);
  }
}
