package dev.chatstream.llm.google;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The recorded Gemini streams ({@code \r\n\r\n} between events), replayed byte for byte. */
class GoogleFixtureTest {

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
  void aFunctionCallInOneEvent() {
    Transcript transcript = replay("gemini/stream-function-call.sse");

    FunctionToolCall call = transcript.toolCalls().getFirst();
    assertEquals("get_capital", call.name());
    assertEquals("{\"country\":\"France\"}", call.arguments());
    assertTrue(call.callId().startsWith("call_"));
    assertEquals(List.of(new CompletionUsage(5, 52, 0, 0, 0, 57, null)), transcript.usages());
    assertEquals("1lpeaMTxIpW1nvgP-O3vwQY", transcript.chunks().getFirst().id());
  }

  @Test
  void textInTwoEventsWithTheLastUsage() {
    Transcript transcript = replay("gemini/stream-text.sse");

    assertEquals("The temperature in Paris is 30°C.\n", transcript.text());
    assertEquals(List.of(new CompletionUsage(12, 79, 0, 0, 0, 91, null)), transcript.usages());
  }

  @Test
  void aFunctionCallWithAThoughtSignatureThenAnEmptyFinish() {
    Transcript transcript = replay("gemini/stream-function-call-thought-signature.sse");

    FunctionToolCall call = transcript.toolCalls().getFirst();
    assertEquals("get_country", call.name());
    assertEquals("{}", call.arguments());
    String signature = (String) ((Map<?, ?>) call.extra().get("google")).get("thought_signature");
    assertTrue(signature.startsWith("EpwICpkIAXLI2nxl"), signature);
    assertEquals("", transcript.text());
    assertEquals(List.of(new CompletionUsage(212, 29, 0, 0, 0, 241, null)), transcript.usages());
  }

  private Transcript replay(String fixture) {
    server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "text/event-stream")
        .body(new Buffer().write(Fixtures.bytes(fixture))).build());
    GoogleProvider provider = GoogleProvider.create(
        GoogleOptions.of("AIza-fixture-key", null).withBaseUrl(server.url("/").toString()), ConnectorRuntime.defaults());
    RecordingListener listener = new RecordingListener();
    provider.chat(LlmRequest.of("req-fixture", ChatContext.of(List.of(ChatMessage.of(ChatRole.USER, "Hi")))), listener);
    return Transcript.of(listener);
  }
}
