package dev.chatstream.llm.anthropic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatstream.llm.LlmMetrics;
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
import dev.chatstream.llm.testing.Transcript;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The recorded Messages streams, replayed byte for byte through the connector. */
class AnthropicFixtureTest {

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
  void textThenAToolUseWhoseInputArrivesInFragments() {
    Transcript transcript = replay("anthropic/messages-text-then-tool-use.sse");

    assertEquals("I'll check the current weather in Paris for you.", transcript.text());
    assertEquals(List.of(FunctionToolCall.of("get_weather", "{\"location\": \"Paris\"}", "toolu_01NRLabsLyVHZPKxbKvkfSMn")),
        transcript.toolCalls());
    assertEquals(List.of(new CompletionUsage(65, 377, 0, 0, 0, 442, "standard")), transcript.usages());
    assertTrue(transcript.chunks().stream().allMatch(chunk -> chunk.id().equals("msg_019Q1hrJbZG26Fb9BQhrkHEr")));
    LlmMetrics metrics = transcript.metrics();
    assertEquals(65, metrics.completionTokens());
    assertEquals(377, metrics.promptTokens());
  }

  @Test
  void textThenTwoParallelToolUsesWithPaddedEvents() {
    Transcript transcript = replay("anthropic/messages-text-then-parallel-tool-use-padded.sse");

    assertEquals("I'll retrieve the secrets for both passwords you provided.", transcript.text());
    assertEquals(List.of(
        FunctionToolCall.of("secret_retrieval_tool", "{\"password\": \"mellon\"}", "toolu_015cUijgET79LXjgeYQerN2h"),
        FunctionToolCall.of("secret_retrieval_tool", "{\"password\": \"radiance\"}", "toolu_01XZTimPexA7h3EVKesnKt5T")),
        transcript.toolCalls());
    assertEquals(List.of(new CompletionUsage(109, 416, 0, 0, 0, 525, "standard")), transcript.usages());
    List<ChatChunk> calls = transcript.chunks().stream()
        .filter(chunk -> chunk.delta() != null && !chunk.delta().toolCalls().isEmpty()).toList();
    assertEquals(2, calls.size(), "one chunk per call");
  }

  private Transcript replay(String fixture) {
    server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "text/event-stream")
        .body(new Buffer().write(Fixtures.bytes(fixture))).build());
    AnthropicProvider provider = AnthropicProvider.create(
        AnthropicOptions.of("sk-ant-fixture-key", null).withBaseUrl(server.url("/").toString()), ConnectorRuntime.defaults());
    RecordingListener listener = new RecordingListener();
    provider.chat(LlmRequest.of("req-fixture", ChatContext.of(List.of(ChatMessage.of(ChatRole.USER, "Hi")))), listener);
    return Transcript.of(listener);
  }
}
