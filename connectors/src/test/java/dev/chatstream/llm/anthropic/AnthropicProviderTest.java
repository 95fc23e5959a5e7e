package dev.chatstream.llm.anthropic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chatstream.llm.ErrorKind;
import dev.chatstream.llm.LlmError;
import dev.chatstream.llm.LlmMetrics;
import dev.chatstream.llm.LlmProvider;
import dev.chatstream.llm.LlmRequest;
import dev.chatstream.llm.chat.ChatContext;
import dev.chatstream.llm.chat.ChatMessage;
import dev.chatstream.llm.chat.ChatRole;
import dev.chatstream.llm.chat.FunctionCall;
import dev.chatstream.llm.chat.FunctionCallOutput;
import dev.chatstream.llm.internal.json.Json;
import dev.chatstream.llm.internal.retry.ConnectorRuntime;
import dev.chatstream.llm.stream.CompletionUsage;
import dev.chatstream.llm.stream.FunctionToolCall;
import dev.chatstream.llm.testing.HttpProviderContract;
import dev.chatstream.llm.testing.Transcript;
import dev.chatstream.llm.tools.FunctionTool;
import dev.chatstream.llm.tools.ToolChoice;
import java.util.List;
import java.util.Map;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AnthropicProviderTest extends HttpProviderContract {

  @Override
  protected LlmProvider provider(HttpUrl baseUrl, ConnectorRuntime runtime) {
    return AnthropicProvider.create(AnthropicOptions.of(SECRET, null).withBaseUrl(baseUrl.resolve("/").toString()), runtime);
  }

  @Override
  protected String textStream(List<String> pieces) {
    return AnthropicWire.textStream(pieces);
  }

  @Override
  protected String firstTextEvent(String piece) {
    return AnthropicWire.messageStart(11, 0, 0) + AnthropicWire.textStart(0) + AnthropicWire.textDelta(0, piece);
  }

  @Override
  protected String preambleEvent() {
    return AnthropicWire.messageStart(11, 0, 0);
  }

  @Override
  protected String errorBody(String message) {
    return AnthropicWire.errorBody("invalid_request_error", message);
  }

  @Test
  void postsAStreamingMessagesRequestWithKeyVersionAndMaxTokens() throws Exception {
    server.enqueue(streamResponse(textStream(List.of("ok"))));

    run(request(quick()));
    RecordedRequest recorded = takeRequest();

    assertEquals("POST", recorded.getMethod());
    assertEquals("/v1/messages", recorded.getUrl().encodedPath());
    assertEquals(SECRET, recorded.getHeaders().get("x-api-key"));
    assertEquals("2023-06-01", recorded.getHeaders().get("anthropic-version"));
    assertNull(recorded.getHeaders().get("Authorization"));
    assertTrue(recorded.getHeaders().get("Content-Type").startsWith("application/json"));
    assertEquals(json("""
        {"model": "claude-sonnet-4-20250514", "max_tokens": 1024,
         "messages": [{"role": "user", "content": [{"type": "text", "text": "Hello?"}]}], "stream": true}"""),
        body(recorded));
  }

  @Test
  void sendsTheSystemPromptApartAndToolsWithTheirChoice() throws Exception {
    server.enqueue(streamResponse(textStream(List.of("ok"))));
    LlmRequest request = LlmRequest.of("req-tools", ChatContext.of(List.of(
            ChatMessage.of(ChatRole.SYSTEM, "Be brief."), ChatMessage.of(ChatRole.USER, "Weather?"))))
        .withTools(List.of(weatherTool())).withToolChoice(ToolChoice.REQUIRED).withParallelToolCalls(false)
        .withExtraOptions(Map.of("temperature", 0.2, "max_tokens", 64));

    run(request);
    JsonNode body = body(takeRequest());

    assertEquals(json("[{\"type\": \"text\", \"text\": \"Be brief.\"}]"), body.get("system"));
    assertEquals(json("""
        [{"name": "get_weather", "description": "The weather in a city",
          "input_schema": {"type": "object", "properties": {"city": {"type": "string"}}, "required": ["city"]}}]"""),
        body.get("tools"));
    assertEquals(json("{\"type\": \"any\", \"disable_parallel_tool_use\": true}"), body.get("tool_choice"));
    assertEquals(0.2, body.get("temperature").asDouble());
    assertEquals(64, body.get("max_tokens").asInt());
  }

  @Test
  void toolChoiceNoneSendsNoTools() throws Exception {
    server.enqueue(streamResponse(textStream(List.of("ok"))));

    run(request(quick()).withTools(List.of(weatherTool())).withToolChoice(ToolChoice.NONE));
    JsonNode body = body(takeRequest());

    assertFalse(body.has("tools"));
    assertFalse(body.has("tool_choice"));
  }

  @Test
  void sendsAToolRoundTripAsToolUseAndToolResultBlocks() throws Exception {
    server.enqueue(streamResponse(textStream(List.of("Sunny."))));
    ChatContext context = ChatContext.of(List.of(
        ChatMessage.of(ChatRole.USER, "Weather in Paris?"),
        FunctionCall.of("toolu_01", "get_weather", "{\"city\": \"Paris\"}"),
        FunctionCallOutput.of("toolu_01", "get_weather", "sunny, 21 C", false)));

    assertEquals("Sunny.", run(LlmRequest.of("req-round", context).withTools(List.of(weatherTool()))).text());
    JsonNode messages = body(takeRequest()).get("messages");

    assertEquals(json("""
        [{"role": "user", "content": [{"type": "text", "text": "Weather in Paris?"}]},
         {"role": "assistant", "content": [{"type": "tool_use", "id": "toolu_01", "name": "get_weather",
           "input": {"city": "Paris"}}]},
         {"role": "user", "content": [{"type": "tool_result", "tool_use_id": "toolu_01",
           "content": "sunny, 21 C", "is_error": false}]}]"""), messages);
  }

  @Test
  void promptCachingMarksTheSystemPromptTheLastToolAndTheLastBlock() throws Exception {
    server.enqueue(streamResponse(textStream(List.of("ok"))));
    LlmProvider cached = AnthropicProvider.create(AnthropicOptions.of(SECRET, null)
        .withBaseUrl(server.url("/").toString()).withPromptCaching(true), ConnectorRuntime.defaults());
    LlmRequest request = LlmRequest.of("req-cache", ChatContext.of(List.of(
        ChatMessage.of(ChatRole.SYSTEM, "Be brief."), ChatMessage.of(ChatRole.USER, "Hi")))).withTools(List.of(weatherTool()));

    run(cached, request);
    JsonNode body = body(takeRequest());

    JsonNode ephemeral = json("{\"type\": \"ephemeral\"}");
    assertEquals(ephemeral, body.get("system").get(0).get("cache_control"));
    assertEquals(ephemeral, body.get("tools").get(0).get("cache_control"));
    assertEquals(ephemeral, body.get("messages").get(0).get("content").get(0).get("cache_control"));
  }

  @Test
  void assemblesAToolCallFromItsInputDeltas() {
    server.enqueue(streamResponse(AnthropicWire.toolCallStream()));

    Transcript transcript = run(request(quick()).withTools(List.of(weatherTool())));

    assertEquals(List.of(FunctionToolCall.of("get_weather", "{\"city\": \"Paris\"}", "toolu_01")),
        transcript.toolCalls());
    assertEquals(List.of(CompletionUsage.of(12, 40, 52)), transcript.usages());
  }

  @Test
  void aToolCallWithoutInputDeltasHasEmptyArguments() {
    server.enqueue(streamResponse(AnthropicWire.messageStart(5, 0, 0)
        + AnthropicWire.toolStart(0, "toolu_02", "now") + AnthropicWire.blockStop(0)
        + AnthropicWire.messageDelta("tool_use", 3) + AnthropicWire.messageStop()));

    assertEquals(List.of(FunctionToolCall.of("now", "{}", "toolu_02")), run(request(quick())).toolCalls());
  }

  @Test
  void thinkingBlocksStayOutOfTheText() {
    server.enqueue(streamResponse(AnthropicWire.messageStart(5, 0, 0)
        + AnthropicWire.event("content_block_start", "{\"type\":\"content_block_start\",\"index\":0,"
            + "\"content_block\":{\"type\":\"thinking\",\"thinking\":\"\"}}")
        + AnthropicWire.event("content_block_delta", "{\"type\":\"content_block_delta\",\"index\":0,"
            + "\"delta\":{\"type\":\"thinking_delta\",\"thinking\":\"Let me think\"}}")
        + AnthropicWire.event("content_block_delta", "{\"type\":\"content_block_delta\",\"index\":0,"
            + "\"delta\":{\"type\":\"signature_delta\",\"signature\":\"EqQB\"}}")
        + AnthropicWire.blockStop(0) + AnthropicWire.textStart(1) + AnthropicWire.textDelta(1, "Answer.")
        + AnthropicWire.blockStop(1) + AnthropicWire.messageDelta("end_turn", 9) + AnthropicWire.messageStop()));

    assertEquals("Answer.", run(request(quick())).text());
  }

  @Test
  void usageCountsCachedPromptTokens() {
    server.enqueue(streamResponse(AnthropicWire.messageStart(10, 200, 1500) + AnthropicWire.textStart(0)
        + AnthropicWire.textDelta(0, "ok") + AnthropicWire.blockStop(0) + AnthropicWire.messageDelta("end_turn", 7)
        + AnthropicWire.messageStop()));

    Transcript transcript = run(request(quick()));

    assertEquals(List.of(new CompletionUsage(7, 1710, 1500, 200, 1500, 1717, null)), transcript.usages());
    LlmMetrics metrics = transcript.metrics();
    assertEquals(1710, metrics.promptTokens());
    assertEquals(1500, metrics.promptCachedTokens());
    assertEquals(200, metrics.cacheCreationTokens());
    assertEquals("anthropic", metrics.modelProvider());
    assertEquals("claude-sonnet-4-20250514", metrics.modelName());
  }

  @Test
  void anOverloadedErrorEventIsRetried() {
    server.enqueue(streamResponse(preambleEvent() + AnthropicWire.error("overloaded_error", "Overloaded")));
    server.enqueue(streamResponse(textStream(List.of("recovered"))));

    Transcript transcript = run(request(quick()));

    LlmError retry = transcript.retries().getFirst();
    assertEquals(ErrorKind.STATUS, retry.kind());
    assertEquals(529, retry.status());
    assertTrue(retry.recoverable());
    assertEquals("error in the provider stream: overloaded_error: Overloaded", retry.message());
    assertEquals("recovered", transcript.text());
  }

  @Test
  void anErrorEventAfterTextIsFinal() {
    server.enqueue(streamResponse(firstTextEvent("Hi") + AnthropicWire.error("overloaded_error", "Overloaded")));

    Transcript transcript = run(request(quick()));

    assertEquals("Hi", transcript.text());
    assertEquals(529, transcript.error().status());
    assertFalse(transcript.error().retryable());
    assertEquals(1, server.getRequestCount());
  }

  @Test
  void anInvalidRequestErrorEventIsFinal() {
    server.enqueue(streamResponse(preambleEvent() + AnthropicWire.error("invalid_request_error", "bad input")));

    LlmError error = run(request(quick())).error();

    assertEquals(400, error.status());
    assertFalse(error.retryable());
    assertEquals(1, server.getRequestCount());
  }

  @Test
  void aStreamEndingBeforeAnyStopReasonIsRetried() {
    server.enqueue(streamResponse(preambleEvent() + AnthropicWire.textStart(0)));
    server.enqueue(streamResponse(textStream(List.of("whole"))));

    Transcript transcript = run(request(quick()));

    assertEquals(ErrorKind.CONNECTION, transcript.retries().getFirst().kind());
    assertEquals("whole", transcript.text());
  }

  @ParameterizedTest(name = "HTTP {0} {1} -> retryable {2}")
  @CsvSource({
      "400, invalid_request_error, false", "401, authentication_error, false", "402, billing_error, false",
      "403, permission_error, false", "404, not_found_error, false", "413, request_too_large, false",
      "429, rate_limit_error, true", "500, api_error, true", "504, timeout_error, true",
      "529, overloaded_error, true"})
  void mapsEveryDocumentedStatus(int status, String type, boolean retryable) {
    server.enqueue(errorResponse(status, AnthropicWire.errorBody(type, "it failed")));
    server.enqueue(streamResponse(textStream(List.of("ok"))));

    Transcript transcript = run(request(quick().withMaxRetry(1)));

    LlmError first = retryable ? transcript.retries().getFirst() : transcript.error();
    assertEquals(ErrorKind.STATUS, first.kind());
    assertEquals(status, first.status());
    assertEquals(retryable, first.retryable());
    assertEquals("HTTP " + status + ": " + type + ": it failed", first.message());
    assertEquals(retryable ? "ok" : "", transcript.text());
  }

  @Test
  void readsAnthropicsRequestId() {
    server.enqueue(errorResponse(400, errorBody("bad")).newBuilder().addHeader("request-id", "req_011").build());

    assertEquals("req_011", run(request(quick())).error().providerRequestId());
  }

  private static FunctionTool weatherTool() {
    return new FunctionTool("get_weather", "The weather in a city", (ObjectNode) json(
        "{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}},\"required\":[\"city\"]}"));
  }

  private static JsonNode json(String text) {
    try {
      return Json.mapper().readTree(text);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }

  private static JsonNode body(RecordedRequest recorded) {
    return json(recorded.getBody().utf8());
  }
}
