package dev.chatstream.llm.openai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chatstream.llm.ConnectOptions;
import dev.chatstream.llm.ErrorKind;
import dev.chatstream.llm.LlmError;
import dev.chatstream.llm.LlmMetrics;
import dev.chatstream.llm.LlmProvider;
import dev.chatstream.llm.LlmRequest;
import dev.chatstream.llm.RecordingListener;
import dev.chatstream.llm.chat.ChatContext;
import dev.chatstream.llm.chat.ChatMessage;
import dev.chatstream.llm.chat.ChatRole;
import dev.chatstream.llm.internal.retry.ConnectorRuntime;
import dev.chatstream.llm.stream.ChatChunk;
import dev.chatstream.llm.stream.CompletionUsage;
import dev.chatstream.llm.stream.FunctionToolCall;
import dev.chatstream.llm.testing.Fixtures;
import dev.chatstream.llm.testing.RecordingRetryWait;
import dev.chatstream.llm.testing.ResponsesSocketServer;
import dev.chatstream.llm.testing.ResponsesSocketServer.Script;
import dev.chatstream.llm.testing.ResponsesWire;
import dev.chatstream.llm.testing.Transcript;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every recorded Responses stream replayed through both transports: over HTTP as recorded, and over
 * the loopback WebSocket, which sends each recorded event's data as one message.
 */
class ResponsesFixtureTest {

  /** The two ways a recording reaches the connector. */
  enum Transport { SSE, WEBSOCKET }

  private final ResponsesSocketServer server = new ResponsesSocketServer();
  private final RecordingRetryWait waits = new RecordingRetryWait();

  @AfterEach
  void stop() {
    server.close();
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void textWithUsage(Transport transport) {
    Transcript transcript = replay(transport, "openai/responses-text.sse");

    assertEquals("The capital of France is Paris.", transcript.text());
    assertEquals(List.of(), transcript.toolCalls());
    assertEquals(List.of(new CompletionUsage(9, 278, 0, 0, 0, 287, null)), transcript.usages());
    assertEquals(7, transcript.chunks().stream().filter(ChatChunk::hasResponse).count());
    assertTrue(transcript.chunks().stream()
        .allMatch(chunk -> chunk.id().equals("resp_67e554a21aa88191b65876ac5e5bbe0406c52f0e511c76ed")));
    assertEquals(Map.of("reasoning_tokens", 0), transcript.chunks().getLast().delta().extra());
    LlmMetrics metrics = transcript.metrics();
    assertEquals(9, metrics.completionTokens());
    assertEquals(278, metrics.promptTokens());
    assertTrue(metrics.ttftSeconds() >= 0);
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void aFunctionCallArrivesWhole(Transport transport) {
    Transcript transcript = replay(transport, "openai/responses-function-call.sse");

    assertEquals(List.of(FunctionToolCall.of("get_weather_at_location", "{\"location\":\"San Francisco, CA\"}",
        "call_0UFGPwrziw5rbinYp7rthrTb")), transcript.toolCalls());
    assertEquals("", transcript.text());
    assertEquals(List.of(new CompletionUsage(20, 74, 0, 0, 0, 94, "default")), transcript.usages());
    assertEquals(1, transcript.chunks().stream().filter(ChatChunk::hasResponse).count(),
        "argument deltas make no chunks; the call comes once, complete");
    assertEquals("resp_0c25e60be926327b0069305eb9ac6c8195833249c070ef4e7e", transcript.chunks().getFirst().id());
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void reasoningAndAWebSearchWithCachedAndReasoningTokens(Transport transport) {
    Transcript transcript = replay(transport, "openai/responses-web-search-cached-tokens.sse");

    assertEquals(recordedMessageText("openai/responses-web-search-cached-tokens.sse"), transcript.text());
    assertEquals(44, transcript.chunks().stream().filter(ChatChunk::hasResponse).count());
    assertEquals(List.of(), transcript.toolCalls(), "a web search is the provider's tool, not a function call");
    assertEquals(List.of(new CompletionUsage(582, 9463, 8320, 0, 0, 10045, "default")), transcript.usages());
    assertEquals(512, transcript.chunks().getLast().delta().extra().get("reasoning_tokens"));
    assertTrue(transcript.chunks().stream().noneMatch(chunk -> chunk.delta() != null
        && chunk.delta().extra().containsKey("reasoning_summary")), "its reasoning items have empty summaries");
    LlmMetrics metrics = transcript.metrics();
    assertEquals(8320, metrics.promptCachedTokens());
    assertEquals("gpt-4.1-mini", metrics.modelName());
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void aRateLimitErrorEventIsFinalWithoutARetry(Transport transport) {
    Transcript transcript = replay(transport, "openai/responses-rate-limit-error-failed.sse");

    LlmError error = transcript.error();
    assertEquals(ErrorKind.STATUS, error.kind());
    assertNull(error.status(), "the event carries no status");
    assertFalse(error.retryable());
    assertFalse(error.recoverable());
    assertTrue(error.message().startsWith("error in the provider stream: rate_limit_exceeded: Request too large for "
        + "gpt-4o in project proj_f4H0b30rYp2y52CGw64BafkL"), error.message());
    assertEquals("rate_limit_exceeded", ResponsesWire.read(error.body()).at("/error/code").asText());
    assertEquals(List.of(), transcript.retries());
    assertEquals(1, server.posts().size() + server.socketsAccepted());
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void anIncompleteResponseEndsWithFinishReasonLength(Transport transport) {
    Transcript transcript = replay(transport, "openai/responses-incomplete-max-output-tokens.sse");

    assertEquals("", transcript.text());
    assertEquals(List.of(new CompletionUsage(0, 13, 0, 0, 0, 13, "default")), transcript.usages());
    ChatChunk last = transcript.chunks().getLast();
    assertEquals(Map.of("finish_reason", "length", "incomplete_reason", "max_output_tokens", "reasoning_tokens", 0),
        last.delta().extra());
    assertEquals("resp_073882a3776b82a40069492e1e714c8197bc5b10bd03b25157", last.id());
    LlmMetrics metrics = transcript.metrics();
    assertFalse(metrics.cancelled());
    assertEquals(-1, metrics.ttftSeconds());
  }

  @Test
  void responseFailedAloneIsAFinalStatusError() {
    String failed = ResponsesWire.dataOf(Fixtures.bytes("openai/responses-rate-limit-error-failed.sse")).getLast();
    server.enqueue(Script.events(List.of(ResponsesWire.created("resp_f"), failed)));

    Transcript transcript = run(provider(Transport.WEBSOCKET));

    LlmError error = transcript.error();
    assertEquals(ErrorKind.STATUS, error.kind());
    assertFalse(error.retryable());
    assertTrue(error.message().startsWith("response failed: rate_limit_exceeded: Request too large"), error.message());
  }

  private Transcript replay(Transport transport, String fixture) {
    byte[] recorded = Fixtures.bytes(fixture);
    if (transport == Transport.SSE) {
      server.enqueueHttp(new MockResponse.Builder().addHeader("Content-Type", "text/event-stream")
          .body(new Buffer().write(recorded)).build());
    } else {
      server.enqueue(Script.events(ResponsesWire.dataOf(recorded)));
    }
    return run(provider(transport));
  }

  private Transcript run(LlmProvider provider) {
    RecordingListener listener = new RecordingListener();
    provider.chat(LlmRequest.of("req-fixture", ChatContext.of(List.of(ChatMessage.of(ChatRole.USER, "?"))))
        .withConnectOptions(ConnectOptions.defaults().withTimeout(Duration.ofSeconds(5))), listener);
    return Transcript.of(listener);
  }

  private LlmProvider provider(Transport transport) {
    return OpenAiResponsesProvider.create(OpenAiResponsesOptions.of("sk-fixture-key-000", "gpt-4.1-mini")
        .withBaseUrl(server.url("/v1").toString()).withWebSocket(transport == Transport.WEBSOCKET),
        ConnectorRuntime.defaults().withRetryWait(waits));
  }

  /** The text of the recorded message item, which the streamed deltas must add up to. */
  private static String recordedMessageText(String fixture) {
    for (String data : ResponsesWire.dataOf(Fixtures.bytes(fixture))) {
      JsonNode event = ResponsesWire.read(data);
      if ("response.output_item.done".equals(event.path("type").asText())
          && "message".equals(event.at("/item/type").asText())) {
        return event.at("/item/content/0/text").asText();
      }
    }
    throw new AssertionError("no message item in " + fixture);
  }
}
