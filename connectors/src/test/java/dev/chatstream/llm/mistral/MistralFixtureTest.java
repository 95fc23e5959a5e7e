package dev.chatstream.llm.mistral;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatstream.llm.LlmRequest;
import dev.chatstream.llm.RecordingListener;
import dev.chatstream.llm.chat.ChatContext;
import dev.chatstream.llm.chat.ChatMessage;
import dev.chatstream.llm.chat.ChatRole;
import dev.chatstream.llm.internal.retry.ConnectorRuntime;
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

/**
 * The recorded Mistral streams. The {@code .sse} file is replayed byte for byte; the {@code .chunks.txt}
 * recordings hold one chunk's JSON per line, so each line is framed as {@code data: <line>} and a blank
 * line, as the API sends it, and the stream ends with {@code data: [DONE]}.
 */
class MistralFixtureTest {

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
  void aToolCallWithMistralsNineCharacterIdAndUsageInOneChunk() {
    Transcript transcript = replay(framed("mistral/chat-tool-call.chunks.txt"));

    assertEquals(List.of(FunctionToolCall.of("weather", "{\"location\": \"San Francisco\"}", "gSIMJiOkT")),
        transcript.toolCalls());
    assertEquals(List.of(CompletionUsage.of(22, 124, 146)), transcript.usages());
    assertEquals("", transcript.text());
  }

  @Test
  void textChunksThenTheUsage() {
    Transcript transcript = replay(framed("mistral/chat-text.chunks.txt"));

    assertTrue(transcript.text().endsWith(" is a test response."), transcript.text());
    assertEquals(List.of(CompletionUsage.of(8, 13, 21)), transcript.usages());
  }

  @Test
  void magistralThinkingChunksStayOutOfTheText() {
    Transcript transcript = replay(Fixtures.bytes("mistral/chat-magistral-thinking.sse"));

    assertFalse(transcript.text().contains("Okay, the user is"), transcript.text());
    assertTrue(transcript.text().endsWith(" safe crossing."), transcript.text());
    assertEquals(List.of(CompletionUsage.of(232, 10, 242)), transcript.usages());
  }

  private static byte[] framed(String fixture) {
    StringBuilder body = new StringBuilder();
    Fixtures.text(fixture).lines().forEach(line -> body.append("data: ").append(line).append("\n\n"));
    return body.append("data: [DONE]\n\n").toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  private Transcript replay(byte[] body) {
    server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "text/event-stream")
        .body(new Buffer().write(body)).build());
    MistralProvider provider = MistralProvider.create(
        MistralOptions.of("mistral-fixture-key", null).withBaseUrl(server.url("/v1").toString()),
        ConnectorRuntime.defaults());
    RecordingListener listener = new RecordingListener();
    provider.chat(LlmRequest.of("req-fixture", ChatContext.of(List.of(ChatMessage.of(ChatRole.USER, "Hi")))), listener);
    return Transcript.of(listener);
  }
}
