package dev.chatstream.llm.openai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import dev.chatstream.llm.ConnectOptions;
import dev.chatstream.llm.ErrorKind;
import dev.chatstream.llm.LlmError;
import dev.chatstream.llm.LlmProvider;
import dev.chatstream.llm.LlmProviderContract;
import dev.chatstream.llm.LlmRequest;
import dev.chatstream.llm.LlmStream;
import dev.chatstream.llm.RecordingListener;
import dev.chatstream.llm.chat.ChatContext;
import dev.chatstream.llm.chat.ChatMessage;
import dev.chatstream.llm.chat.ChatRole;
import dev.chatstream.llm.internal.retry.ConnectorRuntime;
import dev.chatstream.llm.testing.RecordingRetryWait;
import dev.chatstream.llm.testing.ResponsesSocketServer;
import dev.chatstream.llm.testing.ResponsesSocketServer.Close;
import dev.chatstream.llm.testing.ResponsesSocketServer.HoldUntilClientLeaves;
import dev.chatstream.llm.testing.ResponsesSocketServer.Script;
import dev.chatstream.llm.testing.ResponsesWire;
import dev.chatstream.llm.testing.Transcript;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The Responses provider in WebSocket mode against a loopback WebSocket server: the stream contract,
 * then the socket's life (reuse across conversations, reconnects, a refused upgrade), its messages
 * and its errors.
 */
class OpenAiResponsesWebSocketTest extends LlmProviderContract {

  private static final String SECRET = "sk-LEAKCANARY-ws-9d2e4b6f8a0c1e3a5b7d";

  private final ResponsesSocketServer server = new ResponsesSocketServer();
  private final RecordingRetryWait waits = new RecordingRetryWait();
  private ListAppender<ILoggingEvent> logs;

  @Override
  protected LlmProvider newProvider() {
    return provider();
  }

  @Override
  protected LlmRequest successfulRequest() {
    server.enqueue(Script.events(ResponsesWire.textReply("resp_ok", List.of("Hel", "lo", "!"))));
    return request("Hello?");
  }

  @Override
  protected LlmRequest slowRequest() {
    server.enqueue(Script.eventsThen(List.of(ResponsesWire.created("resp_slow"), ResponsesWire.textDelta("first")),
        new HoldUntilClientLeaves(new CountDownLatch(1))));
    return request("Hello?").withConnectOptions(ConnectOptions.defaults());
  }

  @BeforeEach
  void captureLogs() {
    logs = new ListAppender<>();
    logs.start();
    rootLogger().addAppender(logs);
  }

  @AfterEach
  void stopServer() {
    rootLogger().detachAppender(logs);
    server.close();
  }

  @Test
  void sendsResponseCreateWithoutNullFieldsOnASocketAuthorizedLikeHttp() throws Exception {
    server.enqueue(Script.events(ResponsesWire.textReply("resp_1", List.of("ok"))));

    Transcript transcript = run(provider(), request("Hello?"));

    assertEquals("ok", transcript.text());
    assertEquals(ResponsesWire.read("""
        {"type": "response.create", "model": "gpt-4.1-mini",
         "input": [{"role": "user", "content": [{"type": "input_text", "text": "Hello?"}]}]}"""),
        ResponsesWire.read(server.takeMessage()));
    RecordedRequest handshake = server.handshakes().getFirst();
    assertEquals("/v1/responses", handshake.getUrl().encodedPath());
    assertEquals("gpt-4.1-mini", handshake.getUrl().queryParameter("model"), "hosts other than OpenAI's get ?model=");
    assertEquals("Bearer " + SECRET, handshake.getHeaders().get("Authorization"));
  }

  @Test
  void oneSocketServesConversationAfterConversation() throws Exception {
    LlmProvider provider = provider();
    for (String question : List.of("first?", "second?", "third?")) {
      server.enqueue(Script.events(ResponsesWire.textReply("resp_" + question.length(), List.of("answer"))));
      assertEquals("answer", run(provider, request(question)).text());
    }

    assertEquals(1, server.socketsAccepted());
    for (String question : List.of("first?", "second?", "third?")) {
      JsonNode message = ResponsesWire.read(server.takeMessage());
      assertEquals(question, message.at("/input/0/content/0/text").asText());
    }
  }

  @Test
  void anotherModelGetsASocketOfItsOwnOnHostsThatRouteByModel() throws Exception {
    LlmProvider provider = provider();
    server.enqueue(Script.events(ResponsesWire.textReply("resp_1", List.of("one"))));
    server.enqueue(Script.events(ResponsesWire.textReply("resp_2", List.of("two"))));
    server.enqueue(Script.events(ResponsesWire.textReply("resp_3", List.of("three"))));

    run(provider, request("one?"));
    run(provider, request("two?").withModel("gpt-4.1-nano"));
    run(provider, request("three?"));

    assertEquals(2, server.socketsAccepted());
    assertEquals(List.of("gpt-4.1-mini", "gpt-4.1-nano"),
        server.handshakes().stream().map(handshake -> handshake.getUrl().queryParameter("model")).toList());
  }

  @Test
  void concurrentGenerationsEachHoldASocketThatIsReusedAfterwards() throws Exception {
    LlmProvider provider = provider();
    CountDownLatch gone = new CountDownLatch(2);
    RecordingListener first = new RecordingListener();
    RecordingListener second = new RecordingListener();
    server.enqueue(Script.eventsThen(List.of(ResponsesWire.created("resp_a"), ResponsesWire.textDelta("a")),
        new HoldUntilClientLeaves(gone)));
    server.enqueue(Script.eventsThen(List.of(ResponsesWire.created("resp_b"), ResponsesWire.textDelta("b")),
        new HoldUntilClientLeaves(gone)));
    LlmStream a = provider.chat(request("a?").withConnectOptions(ConnectOptions.defaults()), first);
    assertTrue(first.takeChunk().hasResponse());
    LlmStream b = provider.chat(request("b?").withConnectOptions(ConnectOptions.defaults()), second);
    assertTrue(second.takeChunk().hasResponse());

    assertEquals(2, server.socketsAccepted());
    a.cancel();
    b.cancel();
    assertTrue(gone.await(5, TimeUnit.SECONDS), "cancelled sockets are closed");
    first.takeUntilTerminal();
    second.takeUntilTerminal();

    server.enqueue(Script.events(ResponsesWire.textReply("resp_c", List.of("c"))));
    server.enqueue(Script.events(ResponsesWire.textReply("resp_d", List.of("d"))));
    assertEquals("c", run(provider, request("c?")).text());
    assertEquals("d", run(provider, request("d?")).text());
    assertEquals(3, server.socketsAccepted(), "cancelled sockets are not reused, the new one is");
  }

  @Test
  void aSocketClosedMidStreamBeforeAnyResponseIsReopenedByTheRetry() {
    server.enqueue(Script.eventsThen(List.of(ResponsesWire.created("resp_cut")), new Close(1011, "overloaded")));
    server.enqueue(Script.events(ResponsesWire.textReply("resp_again", List.of("again"))));

    Transcript transcript = run(provider(), request("Hello?"));

    LlmError retry = transcript.retries().getFirst();
    assertEquals(ErrorKind.CONNECTION, retry.kind());
    assertTrue(retry.message().contains("closed before the response completed (code 1011, overloaded)"),
        retry.message());
    assertEquals("again", transcript.text());
    assertEquals(2, server.socketsAccepted());
  }

  @Test
  void aSocketClosedAfterAResponseChunkIsFinal() {
    server.enqueue(Script.eventsThen(List.of(ResponsesWire.created("resp_p"), ResponsesWire.textDelta("partial")),
        new Close(1011, "going away")));

    Transcript transcript = run(provider(), request("Hello?"));

    assertEquals("partial", transcript.text());
    assertEquals(List.of(), transcript.retries());
    LlmError error = transcript.error();
    assertEquals(ErrorKind.CONNECTION, error.kind());
    assertFalse(error.retryable());
  }

  @Test
  void anIdleSocketTheServerClosedIsReplacedWithoutAnError() throws Exception {
    LlmProvider provider = provider();
    server.enqueue(Script.eventsThen(ResponsesWire.textReply("resp_1", List.of("one")), new Close(1000, "bye")));
    assertEquals("one", run(provider, request("one?")).text());
    server.enqueue(Script.events(ResponsesWire.textReply("resp_2", List.of("two"))));

    Transcript second = run(provider, request("two?"));

    assertEquals("two", second.text());
    assertEquals(List.of(), second.retries());
    assertEquals(2, server.socketsAccepted());
  }

  @Test
  void aRefusedUpgradeIsAnErrorEventThenTheRequestStreamsOverHttp() throws Exception {
    server.refuseUpgrades(1, new MockResponse.Builder().code(404).body("{\"error\":{\"message\":\"no sockets\"}}")
        .build());
    server.enqueueHttp(new MockResponse.Builder().addHeader("Content-Type", "text/event-stream")
        .body(ResponsesWire.sse(ResponsesWire.textReply("resp_http", List.of("over ", "http")))).build());
    LlmProvider provider = provider();

    Transcript transcript = run(provider, request("Hello?"));

    LlmError notice = transcript.retries().getFirst();
    assertEquals(ErrorKind.STATUS, notice.kind());
    assertEquals(404, notice.status());
    assertTrue(notice.recoverable());
    assertEquals("the server refused the WebSocket upgrade: HTTP 404 Client Error; "
        + "streaming this request over HTTP instead", notice.message());
    assertEquals("over http", transcript.text());
    JsonNode posted = ResponsesWire.read(server.posts().getFirst().getBody().utf8());
    assertTrue(posted.get("stream").booleanValue());
    assertEquals("Hello?", posted.at("/input/0/content/0/text").asText());

    server.enqueue(Script.events(ResponsesWire.textReply("resp_ws", List.of("socket again"))));
    assertEquals("socket again", run(provider, request("again?")).text());
    assertEquals(2, server.handshakes().size(), "the next request tries the WebSocket again");
  }

  @Test
  void anErrorEventIsAFinalStatusErrorAndTheSocketIsNotReused() {
    LlmProvider provider = provider();
    server.enqueue(Script.events(List.of(ResponsesWire.created("resp_e"),
        ResponsesWire.errorEvent(400, "invalid_value", "Invalid 'input[0].content'"))));

    LlmError error = run(provider, request("Hello?")).error();

    assertEquals(ErrorKind.STATUS, error.kind());
    assertEquals(400, error.status());
    assertFalse(error.retryable());
    assertEquals("error in the provider stream: invalid_value: Invalid 'input[0].content'", error.message());
    assertEquals("req_ws_1", error.providerRequestId());
    server.enqueue(Script.events(ResponsesWire.textReply("resp_next", List.of("fresh"))));
    assertEquals("fresh", run(provider, request("next?")).text());
    assertEquals(2, server.socketsAccepted());
  }

  @Test
  void theConnectionTimeLimitIsARetryOnANewSocket() {
    server.enqueue(Script.events(List.of(ResponsesWire.errorEvent(400, "websocket_connection_limit_reached",
        "Responses websocket connection limit reached (60 minutes)."))));
    server.enqueue(Script.events(ResponsesWire.textReply("resp_new", List.of("new socket"))));

    Transcript transcript = run(provider(), request("Hello?"));

    assertEquals(ErrorKind.CONNECTION, transcript.retries().getFirst().kind());
    assertEquals("new socket", transcript.text());
    assertEquals(2, server.socketsAccepted());
  }

  @Test
  void aStalledSocketTimesOutAndIsRetried() {
    server.enqueue(Script.eventsThen(List.of(ResponsesWire.created("resp_stall")),
        new HoldUntilClientLeaves(new CountDownLatch(1))));
    server.enqueue(Script.events(ResponsesWire.textReply("resp_fast", List.of("fast"))));

    Transcript transcript = run(provider(), request("Hello?").withConnectOptions(
        ConnectOptions.defaults().withTimeout(Duration.ofMillis(300))));

    assertEquals(ErrorKind.TIMEOUT, transcript.retries().getFirst().kind());
    assertEquals("fast", transcript.text());
  }

  @Test
  void cancelClosesTheSocket() throws Exception {
    CountDownLatch gone = new CountDownLatch(1);
    server.enqueue(Script.eventsThen(List.of(ResponsesWire.created("resp_c"), ResponsesWire.textDelta("first")),
        new HoldUntilClientLeaves(gone)));
    RecordingListener listener = new RecordingListener();
    LlmStream stream = provider().chat(request("Hello?").withConnectOptions(ConnectOptions.defaults()), listener);
    assertTrue(listener.takeChunk().hasResponse());

    stream.cancel();

    assertTrue(gone.await(5, TimeUnit.SECONDS), "the server never saw the socket close");
    assertTrue(Transcript.of(listener).metrics().cancelled());
  }

  @Test
  void neverLeaksTheCredentialThroughSocketErrorsOrLogs() {
    server.refuseUpgrades(1, new MockResponse.Builder().code(401)
        .body(ResponsesWire.errorBody("Incorrect API key provided: " + SECRET, "invalid_api_key")).build());
    server.enqueueHttp(new MockResponse.Builder().code(500)
        .body(ResponsesWire.errorBody("Incorrect API key provided: " + SECRET, null)).build());
    server.enqueue(Script.eventsThen(List.of(ResponsesWire.created("resp_x")), new Close(1008, "bad key " + SECRET)));
    server.enqueue(Script.events(List.of(ResponsesWire.errorEvent(401, "invalid_api_key", "bad key " + SECRET))));
    LlmProvider provider = provider();

    Transcript transcript = run(provider, request("Hello?").withConnectOptions(
        ConnectOptions.defaults().withMaxRetry(3).withTimeout(Duration.ofSeconds(2))));

    List<LlmError> errors = new java.util.ArrayList<>(transcript.retries());
    errors.add(transcript.error());
    assertEquals(4, errors.size(), errors.toString());
    for (LlmError error : errors) {
      assertSecretAbsent(error.toString());
    }
    assertTrue(errors.getLast().message().contains("[redacted]"), errors.getLast().message());
    for (ILoggingEvent event : logs.list) {
      assertSecretAbsent(event.getFormattedMessage());
    }
    assertSecretAbsent(provider.toString());
  }

  private LlmProvider provider() {
    return OpenAiResponsesProvider.create(
        OpenAiResponsesOptions.of(SECRET, "gpt-4.1-mini").withBaseUrl(server.url("/v1").toString()),
        ConnectorRuntime.defaults().withRetryWait(waits));
  }

  private static LlmRequest request(String question) {
    return LlmRequest.of("req-ws", ChatContext.of(List.of(ChatMessage.of(ChatRole.USER, question))))
        .withConnectOptions(ConnectOptions.defaults().withTimeout(Duration.ofSeconds(2)));
  }

  private static Transcript run(LlmProvider llm, LlmRequest request) {
    RecordingListener listener = new RecordingListener();
    llm.chat(request, listener);
    return Transcript.of(listener);
  }

  private static void assertSecretAbsent(String text) {
    if (text != null) {
      assertFalse(text.contains(SECRET), "secret in " + text);
    }
  }

  private static Logger rootLogger() {
    return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  }
}
