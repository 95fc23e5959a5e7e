package dev.chatstream.llm.openai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chatstream.llm.ConnectOptions;
import dev.chatstream.llm.ErrorKind;
import dev.chatstream.llm.LlmError;
import dev.chatstream.llm.LlmMetrics;
import dev.chatstream.llm.LlmProvider;
import dev.chatstream.llm.LlmRequest;
import dev.chatstream.llm.chat.ChatContext;
import dev.chatstream.llm.chat.ChatMessage;
import dev.chatstream.llm.chat.ChatRole;
import dev.chatstream.llm.internal.retry.ConnectorRuntime;
import dev.chatstream.llm.stream.ChatChunk;
import dev.chatstream.llm.stream.CompletionUsage;
import dev.chatstream.llm.stream.FunctionToolCall;
import dev.chatstream.llm.testing.Fixtures;
import dev.chatstream.llm.RecordingListener;
import dev.chatstream.llm.testing.RecordingRetryWait;
import dev.chatstream.llm.testing.Transcript;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every recorded Chat Completions response, replayed through the connector. */
class ChatCompletionsFixtureTest {

  private final RecordingRetryWait waits = new RecordingRetryWait();
  private MockWebServer server;

  @BeforeEach
  void start() throws Exception {
    server = new MockWebServer();
    server.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void openAiTextWithAUsageChunk() {
    Transcript transcript = replay(openAi(), "openai/chat-text-usage.sse");

    assertEquals("I'm unable to provide real-time weather updates. To get the current weather in San Francisco,"
        + " I recommend checking a reliable weather website or a weather app.", transcript.text());
    assertEquals(List.of(), transcript.toolCalls());
    assertEquals(List.of(CompletionUsage.of(30, 14, 44)), transcript.usages());
    List<ChatChunk> chunks = transcript.chunks();
    assertEquals(31, chunks.size(), "30 text chunks and the usage chunk");
    assertTrue(chunks.stream().allMatch(chunk -> chunk.id().equals("chatcmpl-ABfw031mOJeYCSHe4yI2ZjOA6kMJL")));
    LlmMetrics metrics = transcript.metrics();
    assertEquals(30, metrics.completionTokens());
    assertEquals(14, metrics.promptTokens());
    assertEquals(44, metrics.totalTokens());
    assertTrue(metrics.ttftSeconds() >= 0);
  }

  @Test
  void openAiSingleToolCallWithFragmentedArguments() {
    Transcript transcript = replay(openAi(), "openai/chat-single-tool-call.sse");

    assertEquals(List.of(FunctionToolCall.of("GetWeatherArgs", "{\"city\":\"Edinburgh\",\"country\":\"UK\",\"units\":\"c\"}",
        "call_c91SqDXlYFuETYv8mUHzz6pp")), transcript.toolCalls());
    assertEquals("", transcript.text());
    assertEquals(List.of(CompletionUsage.of(24, 76, 100)), transcript.usages());
    assertEquals(24, transcript.metrics().completionTokens());
  }

  @Test
  void openAiParallelToolCalls() {
    Transcript transcript = replay(openAi(), "openai/chat-parallel-tool-calls.sse");

    assertEquals(List.of(
        FunctionToolCall.of("GetWeatherArgs", "{\"city\": \"Edinburgh\", \"country\": \"GB\", \"units\": \"c\"}",
            "call_JMW1whyEaYG438VE1OIflxA2"),
        FunctionToolCall.of("get_stock_price", "{\"ticker\": \"AAPL\", \"exchange\": \"NASDAQ\"}",
            "call_DNYTawLBoN8fj3KN6qU9N1Ou")), transcript.toolCalls());
    assertEquals(List.of(CompletionUsage.of(60, 149, 209)), transcript.usages());
    List<ChatChunk> chunks = transcript.chunks();
    assertEquals(3, chunks.size(), "one chunk per call, then usage");
    assertNotNull(transcript.metrics());
  }

  @Test
  void azureParallelToolCallsWithFilterResultsAndNoUsage() throws Exception {
    Transcript transcript = replay(azure(), "azure/chat-parallel-tool-calls.sse");

    assertEquals(List.of(
        FunctionToolCall.of("secret_retrieval_tool", "{\"password\": \"mellon\"}", "call_9QsvKeFs2Hh2LOXUcTopzGYt"),
        FunctionToolCall.of("secret_retrieval_tool", "{\"password\": \"radiance\"}", "call_hYkffisled3NgODdvqa1tZAv")),
        transcript.toolCalls());
    assertEquals(List.of(), transcript.usages());
    LlmMetrics metrics = transcript.metrics();
    assertEquals(0, metrics.completionTokens());
    assertEquals("azure", metrics.modelProvider());
    assertEquals("/openai/deployments/gpt-4o-mini/chat/completions?api-version=2024-10-21",
        server.takeRequest().getTarget());
  }

  @Test
  void azureText() {
    Transcript transcript = replay(azure(), "azure/chat-text.sse");

    assertEquals("4200 + 42 equals 4242.", transcript.text());
    assertEquals(List.of(), transcript.toolCalls());
    assertNotNull(transcript.metrics());
  }

  @Test
  void deepSeekReasoningNeverReachesTheContent() {
    Transcript transcript = replay(compatible(), "openai-compat/deepseek-reasoning-content.sse");

    assertEquals("Hello there! 😊 How can I help you today?", transcript.text());
    assertEquals(List.of(new CompletionUsage(212, 6, 0, 0, 0, 218, null)), transcript.usages());
    LlmMetrics metrics = transcript.metrics();
    assertEquals(212, metrics.completionTokens());
  }

  @Test
  void groqThinkTagsAreStripped() throws Exception {
    Transcript transcript = replay(compatible(), "openai-compat/groq-deepseek-r1-think-tags.sse");

    String expected = Pattern.compile("<think>.*?</think>", Pattern.DOTALL)
        .matcher(rawContent("openai-compat/groq-deepseek-r1-think-tags.sse")).replaceAll("");
    assertEquals(expected, transcript.text());
    assertTrue(transcript.text().startsWith("\n\nTo make Uruguayan alfajores"), transcript.text().substring(0, 40));
    assertFalse(transcript.text().contains("think>"));
    assertFalse(transcript.text().contains("Okay, so I want to make Uruguayan alfajores"));
    assertEquals(List.of(CompletionUsage.of(988, 21, 1009)), transcript.usages());
    assertEquals(988, transcript.metrics().completionTokens());
  }

  @Test
  void groqErrorEventMidStreamIsAFinalStatusError() {
    Transcript transcript = replay(compatible(), "openai-compat/groq-midstream-error-event.sse");

    assertEquals(List.of(), transcript.chunks(), "reasoning deltas are not content");
    assertEquals(List.of(), transcript.retries());
    LlmError error = transcript.error();
    assertEquals(ErrorKind.STATUS, error.kind());
    assertEquals(400, error.status());
    assertFalse(error.retryable());
    assertFalse(error.recoverable());
    assertTrue(error.message().contains("Tool call validation failed"), error.message());
    assertTrue(error.body().contains("\"code\":\"tool_use_failed\""), error.body());
    assertEquals(1, server.getRequestCount());
  }

  @Test
  void openAiInvalidRequestError() {
    String body = Fixtures.text("openai/error-400-invalid-request.json");
    server.enqueue(new MockResponse.Builder().code(400).addHeader("Content-Type", "application/json")
        .addHeader("x-request-id", "req_3855783c722245b6ab7e4e7f7b2d85ce").body(body).build());

    Transcript transcript = run(openAi());

    LlmError error = transcript.error();
    assertEquals(ErrorKind.STATUS, error.kind());
    assertEquals(400, error.status());
    assertEquals("HTTP 400: Unsupported parameter: 'stop' is not supported with this model.", error.message());
    assertEquals("req_3855783c722245b6ab7e4e7f7b2d85ce", error.providerRequestId());
    assertEquals(body, error.body());
    assertFalse(error.retryable());
    assertEquals(1, server.getRequestCount());
  }

  @Test
  void azureContentFilterError() {
    String body = Fixtures.text("azure/error-400-content-filter.json");
    server.enqueue(new MockResponse.Builder().code(400).addHeader("Content-Type", "application/json")
        .addHeader("apim-request-id", "0f3a2d4e-apim").body(body).build());

    Transcript transcript = run(azure());

    LlmError error = transcript.error();
    assertEquals(400, error.status());
    assertTrue(error.message().startsWith("HTTP 400: The response was filtered due to the prompt triggering"),
        error.message());
    assertEquals("0f3a2d4e-apim", error.providerRequestId());
    assertEquals(body, error.body());
    assertEquals(1, server.getRequestCount());
  }

  private Transcript replay(LlmProvider provider, String fixture) {
    server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "text/event-stream")
        .body(new Buffer().write(Fixtures.bytes(fixture))).build());
    return run(provider);
  }

  private Transcript run(LlmProvider provider) {
    RecordingListener listener = new RecordingListener();
    LlmRequest request = LlmRequest.of("req-fixture", ChatContext.of(List.of(ChatMessage.of(ChatRole.USER, "Hi"))))
        .withConnectOptions(ConnectOptions.defaults().withTimeout(Duration.ofSeconds(5)));
    provider.chat(request, listener);
    return Transcript.of(listener);
  }

  private ConnectorRuntime runtime() {
    return ConnectorRuntime.defaults().withRetryWait(waits);
  }

  private LlmProvider openAi() {
    return OpenAiChatProvider.create(
        OpenAiChatOptions.of("sk-test", "gpt-4o-2024-08-06").withBaseUrl(server.url("/v1").toString()), runtime());
  }

  private LlmProvider azure() {
    return OpenAiChatProvider.azure(AzureOpenAiOptions.of(server.url("/").toString(), "gpt-4o-mini", "azure-key"), runtime());
  }

  private LlmProvider compatible() {
    return OpenAiChatProvider.create(OpenAiChatOptions.compatible(server.url("/v1").toString(), "deepseek-reasoner"), runtime());
  }

  /** The concatenated {@code delta.content} of a fixture, read independently of the connector. */
  private static String rawContent(String fixture) throws Exception {
    ObjectMapper json = new ObjectMapper();
    StringBuilder content = new StringBuilder();
    for (String line : Fixtures.text(fixture).split("\n")) {
      if (line.startsWith("data: {")) {
        for (JsonNode choice : json.readTree(line.substring(6)).path("choices")) {
          content.append(choice.path("delta").path("content").asText(""));
        }
      }
    }
    return content.toString();
  }
}
