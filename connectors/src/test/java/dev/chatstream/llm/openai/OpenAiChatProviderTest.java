package dev.chatstream.llm.openai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chatstream.llm.ErrorKind;
import dev.chatstream.llm.LlmError;
import dev.chatstream.llm.LlmMetrics;
import dev.chatstream.llm.LlmProvider;
import dev.chatstream.llm.ConnectOptions;
import dev.chatstream.llm.LlmRequest;
import dev.chatstream.llm.RecordingListener;
import dev.chatstream.llm.internal.http.SharedHttpClient;
import dev.chatstream.llm.internal.retry.ConnectorRuntime;
import dev.chatstream.llm.testing.HttpProviderContract;
import dev.chatstream.llm.testing.Transcript;
import dev.chatstream.llm.tools.FunctionTool;
import dev.chatstream.llm.tools.ToolChoice;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

class OpenAiChatProviderTest extends HttpProviderContract {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  protected LlmProvider provider(HttpUrl baseUrl, ConnectorRuntime runtime) {
    return OpenAiChatProvider.create(OpenAiChatOptions.of(SECRET, "gpt-4.1-mini").withBaseUrl(baseUrl.toString()), runtime);
  }

  @Override
  protected String textStream(List<String> pieces) {
    return ChatCompletionsWire.textStream(pieces);
  }

  @Override
  protected String firstTextEvent(String piece) {
    return ChatCompletionsWire.roleChunk() + ChatCompletionsWire.contentChunk(piece);
  }

  @Override
  protected String preambleEvent() {
    return ChatCompletionsWire.roleChunk();
  }

  @Override
  protected String errorBody(String message) {
    return ChatCompletionsWire.errorBody(message);
  }

  @Test
  void postsAStreamingRequestWithBearerKeyAndOrganizationHeaders() throws Exception {
    server.enqueue(streamResponse(textStream(List.of("ok"))));
    LlmProvider provider = OpenAiChatProvider.create(OpenAiChatOptions.of(SECRET, "gpt-4.1-mini")
        .withBaseUrl(server.url("/v1").toString()).withOrganization("org-1").withProject("proj-1"));

    run(provider, request(quick()));
    RecordedRequest recorded = takeRequest();

    assertEquals("POST", recorded.getMethod());
    assertEquals("/v1/chat/completions", recorded.getUrl().encodedPath());
    assertEquals("Bearer " + SECRET, recorded.getHeaders().get("Authorization"));
    assertEquals("org-1", recorded.getHeaders().get("OpenAI-Organization"));
    assertEquals("proj-1", recorded.getHeaders().get("OpenAI-Project"));
    assertTrue(recorded.getHeaders().get("Content-Type").startsWith("application/json"));
    assertEquals(JSON.readTree("""
        {"model": "gpt-4.1-mini", "messages": [{"role": "user", "content": "Hello?"}],
         "stream": true, "stream_options": {"include_usage": true}}"""), body(recorded));
  }

  @Test
  void sendsStrictToolsToolChoiceAndParallelFlag() throws Exception {
    server.enqueue(streamResponse(textStream(List.of("ok"))));
    ObjectNode schema = (ObjectNode) JSON.readTree(
        "{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"},\"unit\":{\"type\":\"string\",\"default\":\"c\"}}}");
    LlmRequest request = request(quick())
        .withTools(List.of(new FunctionTool("get_weather", "Weather now", schema)))
        .withToolChoice(ToolChoice.REQUIRED)
        .withParallelToolCalls(true);

    run(request);
    JsonNode body = body(takeRequest());

    assertEquals(JSON.readTree("""
        [{"type": "function", "function": {"name": "get_weather", "strict": true, "description": "Weather now",
          "parameters": {"type": "object",
            "properties": {"city": {"type": "string"}, "unit": {"type": ["string", "null"]}},
            "required": ["city", "unit"], "additionalProperties": false}}}]"""), body.get("tools"));
    assertEquals("required", body.get("tool_choice").asText());
    assertTrue(body.get("parallel_tool_calls").asBoolean());
  }

  @Test
  void dropsSamplingParametersAndSetsAReasoningEffortForGpt5() throws Exception {
    server.enqueue(streamResponse(textStream(List.of("ok"))));

    run(request(quick()).withModel("gpt-5-mini")
        .withExtraOptions(Map.of("temperature", 0.7, "top_p", 0.9, "n", 1, "max_completion_tokens", 64)));
    JsonNode body = body(takeRequest());

    assertEquals("gpt-5-mini", body.get("model").asText());
    assertFalse(body.has("temperature"));
    assertFalse(body.has("top_p"));
    assertFalse(body.has("n"));
    assertEquals(64, body.get("max_completion_tokens").asInt());
    assertEquals("minimal", body.get("reasoning_effort").asText());
  }

  @Test
  void metricsNameTheRequestedModel() {
    server.enqueue(streamResponse(textStream(List.of("ok"))));

    LlmMetrics metrics = run(request(quick()).withModel("gpt-4o")).metrics();

    assertEquals("gpt-4o", metrics.modelName());
    assertEquals("openai", metrics.modelProvider());
    assertEquals("openai.LLM", metrics.label());
    assertEquals(1, metrics.completionTokens());
    assertEquals(11, metrics.promptTokens());
    assertEquals(3, metrics.promptCachedTokens());
  }

  @Test
  void aCompatibleServerNeedsNoKey() throws Exception {
    server.enqueue(streamResponse(textStream(List.of("local"))));
    LlmProvider ollama = OpenAiChatProvider.create(
        OpenAiChatOptions.compatible(server.url("/v1").toString(), "llama3.1").withProviderName("ollama"));

    Transcript transcript = run(ollama, request(quick()));

    assertEquals("local", transcript.text());
    assertNull(takeRequest().getHeaders().get("Authorization"));
    assertEquals("ollama", ollama.provider());
    assertEquals("ollama.LLM", ollama.label());
  }

  @Test
  void anInvalidRequestFailsWithoutReachingTheServer() {
    LlmError error = run(request(quick()).withExtraOptions(Map.of("messages", List.of()))).error();

    assertEquals(ErrorKind.OTHER, error.kind());
    assertFalse(error.retryable());
    assertTrue(error.message().startsWith("invalid request:"), error.message());
    assertEquals(0, server.getRequestCount());
  }

  @Test
  void aSuccessfulAnswerThatIsNotAStreamIsAnError() {
    server.enqueue(errorResponse(200, errorBody("stream unsupported")));

    LlmError error = run(request(quick().withMaxRetry(0))).error();

    assertEquals(ErrorKind.STATUS, error.kind());
    assertTrue(error.message().contains("stream unsupported"), error.message());
  }

  @Test
  void anErrorObjectInTheStreamIsAStatusError() {
    server.enqueue(streamResponse(ChatCompletionsWire.roleChunk()
        + ChatCompletionsWire.event("{\"error\":{\"message\":\"server overloaded\",\"type\":\"server_error\",\"code\":503}}")));
    server.enqueue(streamResponse(textStream(List.of("recovered"))));

    Transcript transcript = run(request(quick()));

    LlmError retry = transcript.retries().getFirst();
    assertEquals(ErrorKind.STATUS, retry.kind());
    assertEquals(503, retry.status());
    assertEquals("recovered", transcript.text());
  }

  @Test
  void anErrorObjectAfterAResponseChunkIsFinal() {
    server.enqueue(streamResponse(firstTextEvent("Hi")
        + ChatCompletionsWire.event("{\"error\":{\"message\":\"server overloaded\",\"code\":503}}")));

    Transcript transcript = run(request(quick()));

    assertEquals("Hi", transcript.text());
    LlmError error = transcript.error();
    assertEquals(503, error.status());
    assertFalse(error.retryable());
    assertEquals(1, server.getRequestCount());
  }

  @Test
  void runsOnTheGivenHttpClient() {
    server.enqueue(streamResponse(textStream(List.of("ok"))));
    List<String> seen = new CopyOnWriteArrayList<>();
    OkHttpClient observed = SharedHttpClient.get().newBuilder().addInterceptor(chain -> {
      seen.add(chain.request().url().encodedPath());
      return chain.proceed(chain.request());
    }).build();
    LlmProvider provider = provider(server.url("/v1/"), ConnectorRuntime.defaults().withHttpClient(observed));

    assertEquals("ok", run(provider, request(quick())).text());
    assertEquals(List.of("/v1/chat/completions"), seen);
  }

  @Test
  void manyStreamsToOneHostAreInFlightAtOnce() throws Exception {
    int streams = 150;
    CountDownLatch allArrived = new CountDownLatch(streams);
    CountDownLatch release = new CountDownLatch(1);
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
        allArrived.countDown();
        release.await(30, TimeUnit.SECONDS);
        return streamResponse(textStream(List.of("ok")));
      }
    });
    LlmProvider provider = provider();
    List<RecordingListener> listeners = new ArrayList<>();
    for (int i = 0; i < streams; i++) {
      RecordingListener listener = new RecordingListener();
      provider.chat(request(ConnectOptions.defaults().withTimeout(Duration.ofSeconds(30))), listener);
      listeners.add(listener);
    }

    assertTrue(allArrived.await(20, TimeUnit.SECONDS), "in flight together: " + (streams - allArrived.getCount()));
    release.countDown();
    for (RecordingListener listener : listeners) {
      assertEquals("ok", Transcript.of(listener).text());
    }
  }

  private static JsonNode body(RecordedRequest recorded) throws Exception {
    return JSON.readTree(recorded.getBody().utf8());
  }
}
