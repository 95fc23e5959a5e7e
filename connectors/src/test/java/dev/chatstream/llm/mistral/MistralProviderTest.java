package dev.chatstream.llm.mistral;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

class MistralProviderTest extends HttpProviderContract {

  @Override
  protected LlmProvider provider(HttpUrl baseUrl, ConnectorRuntime runtime) {
    return MistralProvider.create(MistralOptions.of(SECRET, null).withBaseUrl(baseUrl.toString()), runtime);
  }

  @Override
  protected String textStream(List<String> pieces) {
    return MistralWire.textStream(pieces);
  }

  @Override
  protected String firstTextEvent(String piece) {
    return MistralWire.roleChunk() + MistralWire.contentChunk(piece);
  }

  @Override
  protected String preambleEvent() {
    return MistralWire.roleChunk();
  }

  @Override
  protected String errorBody(String message) {
    return MistralWire.errorBody(message);
  }

  @Test
  void postsAStreamingChatRequestWithABearerKeyAndNoStreamOptions() throws Exception {
    server.enqueue(streamResponse(textStream(List.of("ok"))));

    run(request(quick()));
    RecordedRequest recorded = takeRequest();

    assertEquals("/v1/chat/completions", recorded.getUrl().encodedPath());
    assertEquals("Bearer " + SECRET, recorded.getHeaders().get("Authorization"));
    assertEquals(json("""
        {"model": "mistral-small-latest", "messages": [{"role": "user", "content": "Hello?"}], "stream": true}"""),
        body(recorded));
  }

  @Test
  void sendsInstructionsAsTheSystemMessageAndToolsWithoutStrictMode() throws Exception {
    server.enqueue(streamResponse(textStream(List.of("ok"))));
    LlmRequest request = LlmRequest.of("req-tools", ChatContext.of(List.of(
            ChatMessage.of(ChatRole.SYSTEM, "Be brief."), ChatMessage.of(ChatRole.USER, "Weather?"))))
        .withTools(List.of(weatherTool())).withToolChoice(ToolChoice.REQUIRED).withParallelToolCalls(false)
        .withExtraOptions(Map.of("temperature", 0.1, "random_seed", 7));

    run(request);
    JsonNode body = body(takeRequest());

    assertEquals(json("[{\"role\": \"system\", \"content\": \"Be brief.\"}, {\"role\": \"user\", \"content\": \"Weather?\"}]"),
        body.get("messages"));
    assertEquals(json("""
        [{"type": "function", "function": {"name": "get_weather", "description": "The weather in a city",
          "parameters": {"type": "object", "properties": {"city": {"type": "string"}}, "required": ["city"]}}}]"""),
        body.get("tools"));
    assertEquals("required", body.get("tool_choice").asText());
    assertFalse(body.get("parallel_tool_calls").asBoolean());
    assertEquals(7, body.get("random_seed").asInt());
  }

  @Test
  void sendsAToolRoundTripWithMistralsNineCharacterIds() throws Exception {
    server.enqueue(streamResponse(textStream(List.of("Sunny."))));
    ChatContext context = ChatContext.of(List.of(
        ChatMessage.of(ChatRole.USER, "Weather in Paris and Rome?"),
        new FunctionCall("item_r1/fnc_0", "gSIMJiOkT", "get_weather", "{\"city\": \"Paris\"}", 1.0, Map.of(), null),
        new FunctionCall("item_r1/fnc_1", "call_JMW1whyEaYG438VE1OIflxA2", "get_weather", "{\"city\": \"Rome\"}", 1.0,
            Map.of(), null),
        FunctionCallOutput.of("gSIMJiOkT", "get_weather", "sunny", false),
        FunctionCallOutput.of("call_JMW1whyEaYG438VE1OIflxA2", "get_weather", "rainy", false)));

    run(LlmRequest.of("req-round", context).withTools(List.of(weatherTool())));
    JsonNode messages = body(takeRequest()).get("messages");

    JsonNode calls = messages.get(1).get("tool_calls");
    assertEquals("assistant", messages.get(1).get("role").asText());
    assertEquals("gSIMJiOkT", calls.get(0).get("id").asText(), "Mistral's own id passes as it is");
    String mapped = calls.get(1).get("id").asText();
    assertTrue(mapped.matches("[A-Za-z0-9]{9}"), mapped);
    assertEquals(json("{\"name\": \"get_weather\", \"arguments\": \"{\\\"city\\\": \\\"Rome\\\"}\"}"),
        calls.get(1).get("function"));
    assertEquals(json("{\"role\": \"tool\", \"tool_call_id\": \"gSIMJiOkT\", \"content\": \"sunny\"}"), messages.get(2));
    assertEquals(mapped, messages.get(3).get("tool_call_id").asText(), "a call and its output keep pairing up");
  }

  @Test
  void readsACompleteToolCallFromOneChunk() {
    server.enqueue(streamResponse(MistralWire.roleChunk()
        + MistralWire.chunk("{\"content\":null,\"tool_calls\":[{\"id\":\"D681PevKs\",\"function\":{\"name\":"
            + "\"get_weather\",\"arguments\":\"{\\\"city\\\": \\\"Paris\\\"}\"},\"index\":0}]}", "tool_calls",
            MistralWire.usage(90, 20))
        + MistralWire.done()));

    Transcript transcript = run(request(quick()));

    assertEquals(List.of(FunctionToolCall.of("get_weather", "{\"city\": \"Paris\"}", "D681PevKs")),
        transcript.toolCalls());
    LlmMetrics metrics = transcript.metrics();
    assertEquals(20, metrics.completionTokens());
    assertEquals(90, metrics.promptTokens());
    assertEquals("mistral", metrics.modelProvider());
    assertEquals("mistral-small-latest", metrics.modelName());
  }

  @Test
  void readsValidationErrorsFromTheMessageObject() {
    server.enqueue(errorResponse(422, "{\"object\":\"error\",\"message\":{\"detail\":[{\"type\":\"extra_forbidden\","
        + "\"loc\":[\"body\",\"stream_options\"],\"msg\":\"Extra inputs are not permitted\"}]},"
        + "\"type\":\"invalid_request_message_error\",\"param\":null,\"code\":null}"));

    LlmError error = run(request(quick())).error();

    assertEquals("HTTP 422: body.stream_options: Extra inputs are not permitted", error.message());
    assertFalse(error.retryable());
  }

  @Test
  void readsTheGatewaysBareMessage() {
    server.enqueue(errorResponse(401, "{\"message\":\"Unauthorized\",\"request_id\":\"a1b2\"}"));

    assertEquals("HTTP 401: Unauthorized", run(request(quick())).error().message());
  }

  @ParameterizedTest(name = "HTTP {0} -> retryable {1}")
  @CsvSource({"400, false", "401, false", "403, false", "404, false", "422, false", "429, true", "500, true",
      "502, true", "503, true", "504, true"})
  void mapsEveryStatus(int status, boolean retryable) {
    server.enqueue(errorResponse(status, MistralWire.errorBody("it failed")));
    server.enqueue(streamResponse(textStream(List.of("ok"))));

    Transcript transcript = run(request(quick().withMaxRetry(1)));

    LlmError first = retryable ? transcript.retries().getFirst() : transcript.error();
    assertEquals(ErrorKind.STATUS, first.kind());
    assertEquals(status, first.status());
    assertEquals(retryable, first.retryable());
    assertEquals("HTTP " + status + ": it failed", first.message());
  }

  @Test
  void readsMistralsCorrelationId() {
    server.enqueue(errorResponse(400, errorBody("bad")).newBuilder()
        .addHeader("mistral-correlation-id", "019a-corr").build());

    assertEquals("019a-corr", run(request(quick())).error().providerRequestId());
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
