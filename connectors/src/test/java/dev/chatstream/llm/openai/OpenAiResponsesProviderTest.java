package dev.chatstream.llm.openai;

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
import dev.chatstream.llm.internal.retry.ConnectorRuntime;
import dev.chatstream.llm.testing.HttpProviderContract;
import dev.chatstream.llm.testing.ResponsesWire;
import dev.chatstream.llm.testing.Transcript;
import dev.chatstream.llm.tools.FunctionTool;
import dev.chatstream.llm.tools.ToolChoice;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

/** The Responses provider over HTTP (SSE): the shared HTTP contract, then what is sent. */
class OpenAiResponsesProviderTest extends HttpProviderContract {

  @Override
  protected LlmProvider provider(HttpUrl baseUrl, ConnectorRuntime runtime) {
    return OpenAiResponsesProvider.create(options(baseUrl), runtime);
  }

  private static OpenAiResponsesOptions options(HttpUrl baseUrl) {
    return OpenAiResponsesOptions.of(SECRET, "gpt-4.1-mini").withBaseUrl(baseUrl.toString()).withWebSocket(false);
  }

  @Override
  protected String textStream(List<String> pieces) {
    return ResponsesWire.sse(ResponsesWire.textReply("resp_test", pieces));
  }

  @Override
  protected String firstTextEvent(String piece) {
    return ResponsesWire.sse(List.of(ResponsesWire.created("resp_test"), ResponsesWire.textDelta(piece)));
  }

  @Override
  protected String preambleEvent() {
    return ResponsesWire.sse(List.of(ResponsesWire.created("resp_test")));
  }

  @Override
  protected String errorBody(String message) {
    return ResponsesWire.errorBody(message, null);
  }

  @Test
  void postsAStreamingRequestWithTheBearerKeyAndOrganizationHeaders() throws Exception {
    server.enqueue(streamResponse(textStream(List.of("ok"))));
    LlmProvider provider = OpenAiResponsesProvider.create(options(server.url("/v1"))
        .withOrganization("org-1").withProject("proj-1"));

    run(provider, request(quick()));
    RecordedRequest recorded = takeRequest();

    assertEquals("POST", recorded.getMethod());
    assertEquals("/v1/responses", recorded.getUrl().encodedPath());
    assertEquals("Bearer " + SECRET, recorded.getHeaders().get("Authorization"));
    assertEquals("org-1", recorded.getHeaders().get("OpenAI-Organization"));
    assertEquals("proj-1", recorded.getHeaders().get("OpenAI-Project"));
    assertEquals("text/event-stream", recorded.getHeaders().get("Accept"));
    assertEquals(ResponsesWire.read("""
        {"model": "gpt-4.1-mini",
         "input": [{"role": "user", "content": [{"type": "input_text", "text": "Hello?"}]}],
         "stream": true}"""), body(recorded));
  }

  @Test
  void sendsTheOptionsOfTheReferenceWithTheToolsInTheResponsesShape() throws Exception {
    server.enqueue(streamResponse(textStream(List.of("ok"))));
    LlmProvider provider = OpenAiResponsesProvider.create(options(server.url("/v1"))
        .withUser("user-7").withTemperature(0.4).withParallelToolCalls(false).withReasoningEffort("low")
        .withToolChoice(ToolChoice.REQUIRED).withStore(true).withMetadata(Map.of("tenant", "acme"))
        .withExtraOptions(Map.of("max_output_tokens", 64)));
    ObjectNode schema = (ObjectNode) ResponsesWire.read(
        "{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}}}");

    run(provider, request(quick()).withTools(List.of(new FunctionTool("get_weather", "Weather now", schema))));

    assertEquals(ResponsesWire.read("""
        {"model": "gpt-4.1-mini",
         "input": [{"role": "user", "content": [{"type": "input_text", "text": "Hello?"}]}],
         "user": "user-7", "temperature": 0.4, "reasoning": {"effort": "low"}, "store": true,
         "metadata": {"tenant": "acme"}, "max_output_tokens": 64,
         "tools": [{"type": "function", "name": "get_weather", "description": "Weather now",
                    "parameters": {"type": "object", "properties": {"city": {"type": "string"}}, "required": []}}],
         "tool_choice": "required", "parallel_tool_calls": false,
         "stream": true}"""), body(takeRequest()));
  }

  @Test
  void theRequestsToolChoiceParallelFlagAndOptionsWinOverTheProviders() throws Exception {
    server.enqueue(streamResponse(textStream(List.of("ok"))));
    LlmProvider provider = OpenAiResponsesProvider.create(options(server.url("/v1"))
        .withToolChoice(ToolChoice.REQUIRED).withParallelToolCalls(false).withTemperature(0.4));
    ObjectNode schema = (ObjectNode) ResponsesWire.read("{\"type\":\"object\",\"properties\":{}}");
    Map<String, Object> extra = new HashMap<>();
    extra.put("temperature", null);
    extra.put("text", Map.of("verbosity", "low"));

    run(provider, request(quick()).withTools(List.of(new FunctionTool("now", "The time", schema)))
        .withToolChoice(ToolChoice.function("now")).withParallelToolCalls(true).withExtraOptions(extra));
    JsonNode body = body(takeRequest());

    assertEquals(ResponsesWire.read("{\"type\": \"function\", \"name\": \"now\"}"), body.get("tool_choice"));
    assertTrue(body.get("parallel_tool_calls").booleanValue());
    assertFalse(body.has("temperature"), "a null extra option removes the field: " + body);
    assertEquals("low", body.path("text").path("verbosity").asText());
  }

  @Test
  void withoutToolsNoToolChoiceIsSent() throws Exception {
    server.enqueue(streamResponse(textStream(List.of("ok"))));
    LlmProvider provider = OpenAiResponsesProvider.create(options(server.url("/v1"))
        .withToolChoice(ToolChoice.AUTO).withParallelToolCalls(true));

    run(provider, request(quick()));
    JsonNode body = body(takeRequest());

    assertFalse(body.has("tools"));
    assertFalse(body.has("tool_choice"));
    assertFalse(body.has("parallel_tool_calls"));
  }

  @Test
  void reasoningModelsGetTheReferencesDefaultEffortAndLoseSamplingParameters() throws Exception {
    server.enqueue(streamResponse(textStream(List.of("ok"))));
    server.enqueue(streamResponse(textStream(List.of("ok"))));
    LlmProvider provider = OpenAiResponsesProvider.create(options(server.url("/v1")).withTemperature(0.7));

    run(provider, request(quick()).withModel("gpt-5-mini"));
    run(provider, request(quick()).withModel("gpt-5.1"));
    JsonNode mini = body(takeRequest());
    JsonNode newer = body(takeRequest());

    assertEquals("gpt-5-mini", mini.get("model").asText());
    assertEquals(ResponsesWire.read("{\"effort\": \"minimal\"}"), mini.get("reasoning"));
    assertFalse(mini.has("temperature"));
    assertEquals(ResponsesWire.read("{\"effort\": \"none\"}"), newer.get("reasoning"));
  }

  @Test
  void usageCarriesCachedAndReasoningTokens() {
    server.enqueue(streamResponse(ResponsesWire.sse(List.of(ResponsesWire.created("resp_u"),
        ResponsesWire.textDelta("hi"), ResponsesWire.completed("resp_u", 900, 640, 30, 12)))));

    Transcript transcript = run(request(quick()));

    LlmMetrics metrics = transcript.metrics();
    assertEquals(30, metrics.completionTokens());
    assertEquals(900, metrics.promptTokens());
    assertEquals(640, metrics.promptCachedTokens());
    assertEquals(930, metrics.totalTokens());
    assertEquals("openai.responses.LLM", metrics.label());
    assertEquals("openai", metrics.modelProvider());
    assertEquals("gpt-4.1-mini", metrics.modelName());
    assertEquals(12, transcript.chunks().getLast().delta().extra().get("reasoning_tokens"));
    assertEquals("default", transcript.usages().getFirst().serviceTier());
    assertEquals("resp_u", transcript.chunks().getFirst().id());
  }

  @Test
  void aReasoningSummaryStaysOutOfTheText() {
    server.enqueue(streamResponse(ResponsesWire.sse(List.of(ResponsesWire.created("resp_r"),
        ResponsesWire.reasoningDone("rs_1", "Looked up the weather.", "Picked the shortest answer."),
        ResponsesWire.textDelta("Sunny."), ResponsesWire.completed("resp_r", 10, 0, 2, 40)))));

    Transcript transcript = run(request(quick()));

    assertEquals("Sunny.", transcript.text());
    assertEquals("Looked up the weather.\n\nPicked the shortest answer.",
        transcript.chunks().getFirst().delta().extra().get("reasoning_summary"));
    assertFalse(transcript.chunks().getFirst().hasResponse());
  }

  @Test
  void aCompatibleServerNeedsNoKey() throws Exception {
    server.enqueue(streamResponse(textStream(List.of("local"))));
    LlmProvider local = OpenAiResponsesProvider.create(OpenAiResponsesOptions
        .compatible(server.url("/v1").toString(), "qwen3").withWebSocket(false).withProviderName("vllm"));

    Transcript transcript = run(local, request(quick()));

    assertEquals("local", transcript.text());
    assertNull(takeRequest().getHeaders().get("Authorization"));
    assertEquals("vllm", local.provider());
    assertEquals("vllm.responses.LLM", local.label());
  }

  @Test
  void anExtraOptionTheConnectorOwnsFailsWithoutReachingTheServer() {
    LlmError error = run(request(quick()).withExtraOptions(Map.of("previous_response_id", "resp_x"))).error();

    assertEquals(ErrorKind.OTHER, error.kind());
    assertFalse(error.retryable());
    assertTrue(error.message().startsWith("invalid request:"), error.message());
    assertEquals(0, server.getRequestCount());
  }

  @Test
  void aStreamThatEndsBeforeTheResponseCompletesIsRetried() {
    server.enqueue(streamResponse(ResponsesWire.sse(List.of(ResponsesWire.created("resp_cut")))));
    server.enqueue(streamResponse(textStream(List.of("whole"))));

    Transcript transcript = run(request(quick()));

    LlmError retry = transcript.retries().getFirst();
    assertEquals(ErrorKind.CONNECTION, retry.kind());
    assertTrue(retry.message().contains("ended before the response completed"), retry.message());
    assertEquals("whole", transcript.text());
  }

  @Test
  void aSuccessfulAnswerThatIsNotAStreamIsAnError() {
    server.enqueue(errorResponse(200, errorBody("stream unsupported")));

    LlmError error = run(request(quick().withMaxRetry(0))).error();

    assertEquals(ErrorKind.STATUS, error.kind());
    assertTrue(error.message().contains("stream unsupported"), error.message());
  }

  private static JsonNode body(RecordedRequest recorded) {
    return ResponsesWire.read(recorded.getBody().utf8());
  }
}
