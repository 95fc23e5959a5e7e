package dev.chatstream.llm.google;

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
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class GoogleProviderTest extends HttpProviderContract {

  @Override
  protected LlmProvider provider(HttpUrl baseUrl, ConnectorRuntime runtime) {
    return GoogleProvider.create(GoogleOptions.of(SECRET, null).withBaseUrl(baseUrl.resolve("/").toString()), runtime);
  }

  @Override
  protected String textStream(List<String> pieces) {
    return GeminiWire.textStream(pieces);
  }

  @Override
  protected String firstTextEvent(String piece) {
    return GeminiWire.text(piece);
  }

  @Override
  protected String preambleEvent() {
    return GeminiWire.preamble();
  }

  @Override
  protected String errorBody(String message) {
    return GeminiWire.errorBody(400, "INVALID_ARGUMENT", message);
  }

  @Test
  void postsToStreamGenerateContentWithTheKeyInAHeader() throws Exception {
    server.enqueue(streamResponse(textStream(List.of("ok"))));

    run(request(quick()));
    RecordedRequest recorded = takeRequest();

    assertEquals("/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse", recorded.getTarget());
    assertEquals(SECRET, recorded.getHeaders().get("x-goog-api-key"));
    assertFalse(recorded.getTarget().contains(SECRET));
    assertEquals(json("{\"contents\": [{\"role\": \"user\", \"parts\": [{\"text\": \"Hello?\"}]}]}"), body(recorded));
  }

  @Test
  void sendsTheSystemInstructionGenerationSettingsToolsAndToolConfig() throws Exception {
    server.enqueue(streamResponse(textStream(List.of("ok"))));
    LlmRequest request = LlmRequest.of("req-tools", ChatContext.of(List.of(
            ChatMessage.of(ChatRole.SYSTEM, "Be brief."), ChatMessage.of(ChatRole.USER, "Weather?"))))
        .withTools(List.of(weatherTool())).withToolChoice(ToolChoice.function("get_weather"))
        .withExtraOptions(Map.of("temperature", 0.3, "maxOutputTokens", 100,
            "safety_settings", List.of(Map.of("category", "HARM_CATEGORY_HARASSMENT", "threshold", "BLOCK_NONE"))));

    run(request);
    JsonNode body = body(takeRequest());

    assertEquals(json("{\"parts\": [{\"text\": \"Be brief.\"}]}"), body.get("system_instruction"));
    assertEquals(json("{\"temperature\": 0.3, \"maxOutputTokens\": 100}"), body.get("generation_config"));
    assertEquals("BLOCK_NONE", body.get("safety_settings").get(0).get("threshold").asText());
    assertEquals(json("""
        [{"function_declarations": [{"name": "get_weather", "description": "The weather in a city",
          "parameters": {"type": "OBJECT", "properties": {"city": {"type": "STRING"}}, "required": ["city"]}}]}]"""),
        body.get("tools"));
    assertEquals(json("{\"function_calling_config\": {\"mode\": \"ANY\", \"allowed_function_names\": [\"get_weather\"]}}"),
        body.get("tool_config"));
  }

  @Test
  void keepsTheThoughtSignatureOfACallAndSendsItBackOnTheNextTurn() throws Exception {
    server.enqueue(streamResponse(GeminiWire.parts("{\"functionCall\": {\"id\": \"fc-1\", \"name\": \"get_weather\","
        + "\"args\": {\"city\": \"Paris\"}},\"thoughtSignature\": \"c2lnbmF0dXJl\"}", null)
        + GeminiWire.finish(20, 5, 30, 0)));
    server.enqueue(streamResponse(textStream(List.of("Sunny."))));

    FunctionToolCall call = run(request(quick()).withTools(List.of(weatherTool()))).toolCalls().getFirst();
    assertEquals(new FunctionToolCall("get_weather", "{\"city\":\"Paris\"}", "fc-1",
        Map.of("google", Map.of("thought_signature", "c2lnbmF0dXJl"))), call);
    takeRequest();

    ChatContext next = ChatContext.of(List.of(ChatMessage.of(ChatRole.USER, "Weather in Paris?"),
        new FunctionCall("item_1", call.callId(), call.name(), call.arguments(), 1.0, call.extra(), null),
        FunctionCallOutput.of(call.callId(), call.name(), "sunny", false)));
    assertEquals("Sunny.", run(LlmRequest.of("req-2", next).withTools(List.of(weatherTool()))).text());
    JsonNode contents = body(takeRequest()).get("contents");

    assertEquals(json("""
        {"role": "model", "parts": [{"function_call": {"id": "fc-1", "name": "get_weather", "args": {"city": "Paris"}},
          "thought_signature": "c2lnbmF0dXJl"}]}"""), contents.get(1));
    assertEquals(json("""
        {"role": "user", "parts": [{"function_response": {"id": "fc-1", "name": "get_weather",
          "response": {"output": "sunny"}}}]}"""), contents.get(2));
  }

  @Test
  void aCallWithoutAnIdGetsOne() {
    server.enqueue(streamResponse(GeminiWire.parts("{\"functionCall\": {\"name\": \"now\"}}", "STOP")));

    FunctionToolCall call = run(request(quick())).toolCalls().getFirst();

    assertEquals("{}", call.arguments());
    assertTrue(call.callId().startsWith("call_"), call.callId());
  }

  @Test
  void thoughtPartsStayOutOfTheText() {
    server.enqueue(streamResponse(GeminiWire.parts("{\"text\": \"Let me think\", \"thought\": true}", null)
        + GeminiWire.text("Answer.") + GeminiWire.finish(3, 2, 40, 0)));

    Transcript transcript = run(request(quick()));

    assertEquals("Answer.", transcript.text());
    assertEquals(List.of(new CompletionUsage(42, 3, 0, 0, 0, 45, null)), transcript.usages());
  }

  @Test
  void usageCountsCachedAndThinkingTokens() {
    server.enqueue(streamResponse(GeminiWire.text("ok") + GeminiWire.finish(1000, 4, 16, 800)));

    LlmMetrics metrics = run(request(quick())).metrics();

    assertEquals(20, metrics.completionTokens());
    assertEquals(1000, metrics.promptTokens());
    assertEquals(800, metrics.promptCachedTokens());
    assertEquals(1020, metrics.totalTokens());
    assertEquals("google", metrics.modelProvider());
    assertEquals("gemini-2.5-flash", metrics.modelName());
  }

  @ParameterizedTest(name = "finish reason {0}")
  @ValueSource(strings = {"SAFETY", "RECITATION", "PROHIBITED_CONTENT", "BLOCKLIST", "SPII"})
  void aResponseStoppedForItsContentIsAClearFinalError(String reason) {
    server.enqueue(streamResponse(GeminiWire.parts("{\"text\": \"\"}", reason)));

    Transcript transcript = run(request(quick()));

    LlmError error = transcript.error();
    assertEquals(ErrorKind.STATUS, error.kind());
    assertFalse(error.retryable());
    assertEquals("error in the provider stream: Gemini blocked the response (" + reason + ")", error.message());
    assertEquals(List.of(), transcript.retries());
    assertEquals(1, server.getRequestCount());
  }

  @Test
  void aBlockedPromptIsAClearFinalError() {
    server.enqueue(streamResponse(GeminiWire.event("{\"promptFeedback\": {\"blockReason\": \"SAFETY\","
        + "\"safetyRatings\": [{\"category\": \"HARM_CATEGORY_DANGEROUS_CONTENT\", \"probability\": \"HIGH\"}]}}")));

    LlmError error = run(request(quick())).error();

    assertEquals("error in the provider stream: Gemini blocked the prompt (SAFETY)", error.message());
    assertFalse(error.retryable());
    assertTrue(error.body().contains("HARM_CATEGORY_DANGEROUS_CONTENT"), error.body());
  }

  @Test
  void aMalformedFunctionCallIsRetried() {
    server.enqueue(streamResponse(GeminiWire.parts("", "MALFORMED_FUNCTION_CALL")));
    server.enqueue(streamResponse(textStream(List.of("fixed"))));

    Transcript transcript = run(request(quick()));

    assertTrue(transcript.retries().getFirst().message().contains("MALFORMED_FUNCTION_CALL"));
    assertEquals("fixed", transcript.text());
  }

  @Test
  void anErrorObjectInTheStreamIsAStatusError() {
    server.enqueue(streamResponse(GeminiWire.text("Hi")
        + GeminiWire.event(GeminiWire.errorBody(503, "UNAVAILABLE", "The model is overloaded."))));

    Transcript transcript = run(request(quick()));

    assertEquals("Hi", transcript.text());
    assertEquals(503, transcript.error().status());
    assertFalse(transcript.error().retryable(), "a response was already sent");
  }

  @Test
  void aStreamEndingWithoutAFinishReasonIsRetried() {
    server.enqueue(streamResponse(GeminiWire.preamble()));
    server.enqueue(streamResponse(textStream(List.of("whole"))));

    Transcript transcript = run(request(quick()));

    assertEquals(ErrorKind.CONNECTION, transcript.retries().getFirst().kind());
    assertEquals("whole", transcript.text());
  }

  @ParameterizedTest(name = "HTTP {0} {1} -> retryable {2}")
  @CsvSource({
      "400, INVALID_ARGUMENT, false", "400, FAILED_PRECONDITION, false", "403, PERMISSION_DENIED, false",
      "404, NOT_FOUND, false", "429, RESOURCE_EXHAUSTED, true", "500, INTERNAL, true", "503, UNAVAILABLE, true",
      "504, DEADLINE_EXCEEDED, true"})
  void mapsEveryDocumentedStatus(int status, String name, boolean retryable) {
    server.enqueue(errorResponse(status, GeminiWire.errorBody(status, name, "it failed")));
    server.enqueue(streamResponse(textStream(List.of("ok"))));

    Transcript transcript = run(request(quick().withMaxRetry(1)));

    LlmError first = retryable ? transcript.retries().getFirst() : transcript.error();
    assertEquals(ErrorKind.STATUS, first.kind());
    assertEquals(status, first.status());
    assertEquals(retryable, first.retryable());
    assertEquals("HTTP " + status + ": " + name + ": it failed", first.message());
  }

  @Test
  void vertexAiExpressModeUsesThePublishersPath() throws Exception {
    server.enqueue(streamResponse(textStream(List.of("ok"))));
    LlmProvider vertex = GoogleProvider.create(GoogleOptions.vertexAiExpress(SECRET, "gemini-2.5-pro")
        .withBaseUrl(server.url("/").toString()), ConnectorRuntime.defaults());

    run(vertex, request(quick()));
    RecordedRequest recorded = takeRequest();

    assertEquals("/v1/publishers/google/models/gemini-2.5-pro:streamGenerateContent?alt=sse", recorded.getTarget());
    assertEquals(SECRET, recorded.getHeaders().get("x-goog-api-key"));
  }

  @Test
  void vertexAiInAProjectSendsAFreshAccessTokenEachAttemptAndNeverLeaksIt() throws Exception {
    AtomicInteger minted = new AtomicInteger();
    String tokenPrefix = "ya29.LEAKCANARY-token-";
    server.enqueue(errorResponse(503, GeminiWire.errorBody(503, "UNAVAILABLE", "token " + tokenPrefix + "1 busy")));
    server.enqueue(streamResponse(textStream(List.of("ok"))));
    LlmProvider vertex = GoogleProvider.create(GoogleOptions.vertexAi("my-project", "europe-west4",
            () -> tokenPrefix + minted.incrementAndGet(), null).withBaseUrl(server.url("/").toString()),
        ConnectorRuntime.defaults().withRetryWait(waits));

    Transcript transcript = run(vertex, request(quick()));
    RecordedRequest first = takeRequest();
    RecordedRequest second = takeRequest();

    assertEquals("/v1/projects/my-project/locations/europe-west4/publishers/google/models/gemini-2.5-flash"
        + ":streamGenerateContent?alt=sse", first.getTarget());
    assertEquals("Bearer " + tokenPrefix + "1", first.getHeaders().get("Authorization"));
    assertEquals("Bearer " + tokenPrefix + "2", second.getHeaders().get("Authorization"));
    assertNull(first.getHeaders().get("x-goog-api-key"));
    LlmError retry = transcript.retries().getFirst();
    assertFalse(retry.message().contains(tokenPrefix + "1"), retry.message());
    assertFalse(retry.body().contains(tokenPrefix + "1"), retry.body());
    assertEquals("ok", transcript.text());
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
