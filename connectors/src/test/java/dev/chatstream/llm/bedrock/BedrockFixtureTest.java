package dev.chatstream.llm.bedrock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatstream.llm.LlmError;
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
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** The recorded ConverseStream responses (AWS binary event streams), replayed byte for byte. */
class BedrockFixtureTest {

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
  void novaTextThenAToolUse() {
    Transcript transcript = replay("bedrock/converse-stream-text-then-tool-use.eventstream");

    assertTrue(transcript.text().startsWith("<thinking"), transcript.text());
    assertTrue(transcript.text().contains(" the temperature of the capital of France,"), transcript.text());
    assertEquals(List.of(FunctionToolCall.of("get_temperature", "{\"city\":\"Paris\"}", "tooluse_lAG_zP8QRHmSYOwZzzaCqA")),
        transcript.toolCalls());
    assertEquals(List.of(new CompletionUsage(91, 471, 0, 0, 0, 562, null)), transcript.usages());
  }

  @Test
  void claudeReasoningStaysOutOfTheText() {
    Transcript transcript = replay("bedrock/converse-stream-reasoning-then-text.eventstream");

    assertEquals("Hello! It's nice to meet you. How can I help you today?", transcript.text());
    assertEquals(List.of(), transcript.toolCalls());
    assertEquals(List.of(new CompletionUsage(73, 36, 0, 0, 0, 109, null)), transcript.usages());
  }

  @Test
  void anInvalidModelIdIsAFinalValidationError() {
    server.enqueue(new MockResponse.Builder().code(400).addHeader("Content-Type", "application/json")
        .body(new Buffer().write(Fixtures.bytes("bedrock/error-400-invalid-model.json"))).build());

    LlmError error = Transcript.of(chat()).error();

    assertEquals(400, error.status());
    assertFalse(error.retryable());
    assertEquals("HTTP 400: The provided model identifier is invalid.", error.message());
  }

  private Transcript replay(String fixture) {
    server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "application/vnd.amazon.eventstream")
        .body(new Buffer().write(Fixtures.bytes(fixture))).build());
    return Transcript.of(chat());
  }

  private RecordingListener chat() {
    BedrockProvider provider = BedrockProvider.create(BedrockOptions.of("us.amazon.nova-micro-v1:0", "us-east-1")
        .withBaseUrl(server.url("/").toString())
        .withCredentials(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDFIXTURE", "fixture-secret"))),
        ConnectorRuntime.defaults());
    RecordingListener listener = new RecordingListener();
    provider.chat(LlmRequest.of("req-fixture", ChatContext.of(List.of(ChatMessage.of(ChatRole.USER, "Hi")))), listener);
    return listener;
  }
}
