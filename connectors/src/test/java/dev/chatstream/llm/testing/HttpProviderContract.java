package dev.chatstream.llm.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import dev.chatstream.llm.ConnectOptions;
import dev.chatstream.llm.ErrorKind;
import dev.chatstream.llm.LlmError;
import dev.chatstream.llm.LlmMetrics;
import dev.chatstream.llm.LlmProvider;
import dev.chatstream.llm.LlmProviderContract;
import dev.chatstream.llm.LlmRequest;
import dev.chatstream.llm.LlmStream;
import dev.chatstream.llm.RecordingListener;
import dev.chatstream.llm.chat.ChatContext;
import dev.chatstream.llm.chat.ChatMessage;
import dev.chatstream.llm.chat.ChatRole;
import dev.chatstream.llm.internal.retry.ConnectorRuntime;
import dev.chatstream.llm.stream.ChatChunk;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The stream contract ({@link LlmProviderContract}) plus what every HTTP streaming connector shares,
 * run against a MockWebServer on loopback: the retry loop, error kinds, timeouts, dropped connections,
 * cancellation that closes the connection, metrics and secrecy. A connector's test extends this class
 * and says how to build the provider and how its wire format looks.
 */
public abstract class HttpProviderContract extends LlmProviderContract {

  /** A recognizable fake credential: it must never appear in an error, a body or a log. */
  protected static final String SECRET = "sk-LEAKCANARY-7f3a9c1e5b2d4f6a8c0e";

  /** Started before any setup, since the stream contract builds its provider first. */
  protected final MockWebServer server = startedServer();
  protected final RecordingRetryWait waits = new RecordingRetryWait();
  private final List<CountDownLatch> heldOpen = new ArrayList<>();
  private ListAppender<ILoggingEvent> logs;

  /** The provider under test, talking to {@code baseUrl}, with {@link #SECRET} as its credential. */
  protected abstract LlmProvider provider(HttpUrl baseUrl, ConnectorRuntime runtime);

  /** The complete body of a successful reply streaming {@code pieces}, with usage and end marker. */
  protected abstract String textStream(List<String> pieces);

  /** The first event(s) of a reply, up to and including a chunk with the text {@code piece}. */
  protected abstract String firstTextEvent(String piece);

  /** The first event(s) of a reply that carry no response yet (a role-only delta, a start event). */
  protected abstract String preambleEvent();

  /** An error body of the provider with {@code message}. */
  protected abstract String errorBody(String message);

  /** The content type of the provider's streams. */
  protected String streamContentType() {
    return "text/event-stream";
  }

  /**
   * The bytes of a wire text made by this test. Text protocols are UTF-8; a binary protocol writes its
   * frames as one character per byte (ISO-8859-1) and overrides this.
   */
  protected byte[] encode(String wire) {
    return wire.getBytes(StandardCharsets.UTF_8);
  }

  /** One event whose payload is {@code data} exactly as given (which may be malformed on purpose). */
  protected String rawEvent(String data) {
    return "data: " + data + "\n\n";
  }

  /** What a held-open stream sends while it waits, which the connector ignores. */
  protected String keepAlive() {
    return ": still here\n\n";
  }

  @Override
  protected LlmProvider newProvider() {
    return provider();
  }

  @Override
  protected LlmRequest successfulRequest() {
    server.enqueue(streamResponse(textStream(List.of("Hel", "lo", "!"))));
    return request(quick());
  }

  @Override
  protected LlmRequest slowRequest() {
    CountDownLatch clientGone = new CountDownLatch(1);
    heldOpen.add(clientGone);
    server.enqueue(new MockResponse.Builder().addHeader("Content-Type", streamContentType())
        .body(ScriptedBodies.holdOpenAfter(encode(firstTextEvent("first")), encode(keepAlive()), clientGone)).build());
    return request(ConnectOptions.defaults());
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

  /** A provider against the mock server, recording retry waits instead of sleeping. */
  protected LlmProvider provider() {
    return provider(server.url("/v1/"), ConnectorRuntime.defaults().withRetryWait(waits));
  }

  /** A one-message request with the given connect options. */
  protected LlmRequest request(ConnectOptions options) {
    return LlmRequest.of("req-contract", ChatContext.of(List.of(ChatMessage.of(ChatRole.USER, "Hello?"))))
        .withConnectOptions(options);
  }

  /** Short timeouts so failure tests stay fast. */
  protected static ConnectOptions quick() {
    return ConnectOptions.defaults().withTimeout(Duration.ofMillis(500));
  }

  /** A successful streamed response. */
  protected MockResponse streamResponse(String body) {
    return new MockResponse.Builder().addHeader("Content-Type", streamContentType())
        .body(new Buffer().write(encode(body))).build();
  }

  /** An error response. */
  protected MockResponse errorResponse(int status, String body) {
    return new MockResponse.Builder().code(status).addHeader("Content-Type", "application/json").body(body).build();
  }

  /** Runs one generation on {@link #provider()} to its end. */
  protected Transcript run(LlmRequest request) {
    return run(provider(), request);
  }

  /** Runs one generation on {@code llm} to its end. */
  protected static Transcript run(LlmProvider llm, LlmRequest request) {
    RecordingListener listener = new RecordingListener();
    llm.chat(request, listener);
    return Transcript.of(listener);
  }

  @Test
  void streamsTextAndReportsMetrics() {
    server.enqueue(streamResponse(textStream(List.of("Hel", "lo", "!"))));
    LlmProvider llm = provider();

    Transcript transcript = run(llm, request(quick()));

    assertEquals("Hello!", transcript.text());
    LlmMetrics metrics = transcript.metrics();
    assertFalse(metrics.cancelled());
    assertTrue(metrics.ttftSeconds() >= 0);
    assertEquals("req-contract", metrics.requestId());
    assertEquals(llm.provider(), metrics.modelProvider());
    assertEquals(llm.label(), metrics.label());
    assertEquals(1, server.getRequestCount());
  }

  @Test
  void returnsAtOnceWhileTheProviderIsSlow() {
    server.enqueue(streamResponse(textStream(List.of("late"))).newBuilder()
        .headersDelay(1, TimeUnit.SECONDS).build());
    RecordingListener listener = new RecordingListener();

    long start = System.nanoTime();
    LlmStream stream = provider().chat(request(ConnectOptions.defaults()), listener);
    long elapsedMillis = (System.nanoTime() - start) / 1_000_000;

    assertTrue(elapsedMillis < 500, "chat() took " + elapsedMillis + " ms");
    assertFalse(stream.isDone());
    assertEquals("late", Transcript.of(listener).text());
    assertTrue(stream.isDone());
  }

  @Test
  void retriesAServerErrorThenSucceeds() {
    server.enqueue(errorResponse(500, errorBody("internal")));
    server.enqueue(errorResponse(503, errorBody("overloaded")));
    server.enqueue(streamResponse(textStream(List.of("ok"))));

    Transcript transcript = run(request(quick()));

    List<LlmError> retries = transcript.retries();
    assertEquals(2, retries.size());
    assertEquals(ErrorKind.STATUS, retries.get(0).kind());
    assertEquals(500, retries.get(0).status());
    assertTrue(retries.get(0).recoverable());
    assertEquals(503, retries.get(1).status());
    assertEquals("ok", transcript.text());
    assertNotNull(transcript.metrics());
    assertEquals(3, server.getRequestCount());
    assertEquals(List.of(Duration.ofMillis(100), Duration.ofSeconds(2)), waits.delays());
  }

  @Test
  void aClientErrorIsFinalAtOnce() {
    server.enqueue(errorResponse(400, errorBody("bad request")));

    LlmError error = run(request(quick())).error();

    assertEquals(ErrorKind.STATUS, error.kind());
    assertEquals(400, error.status());
    assertFalse(error.retryable());
    assertFalse(error.recoverable());
    assertTrue(error.message().contains("bad request"), error.message());
    assertEquals(errorBody("bad request"), error.body());
    assertEquals(1, server.getRequestCount());
  }

  @Test
  void givesUpAfterTheLastAttempt() {
    for (int i = 0; i < 3; i++) {
      server.enqueue(errorResponse(502, errorBody("bad gateway")));
    }

    Transcript transcript = run(request(quick().withMaxRetry(2)));

    assertEquals(2, transcript.retries().size());
    LlmError error = transcript.error();
    assertTrue(error.message().startsWith("failed to generate LLM completion after 3 attempts"), error.message());
    assertEquals(502, error.status());
    assertEquals(3, server.getRequestCount());
  }

  @Test
  void honoursRetryAfterOnARateLimit() {
    server.enqueue(errorResponse(429, errorBody("rate limited")).newBuilder().addHeader("Retry-After", "3").build());
    server.enqueue(streamResponse(textStream(List.of("ok"))));

    Transcript transcript = run(request(quick()));

    assertEquals(429, transcript.retries().getFirst().status());
    assertEquals(List.of(Duration.ofSeconds(3)), waits.delays());
    assertEquals("ok", transcript.text());
  }

  @Test
  void waitsTheRetryAfterInRealTime() {
    server.enqueue(errorResponse(429, errorBody("rate limited")).newBuilder().addHeader("Retry-After", "1").build());
    server.enqueue(streamResponse(textStream(List.of("ok"))));
    LlmProvider realTime = provider(server.url("/v1/"), ConnectorRuntime.defaults());

    long start = System.nanoTime();
    Transcript transcript = run(realTime, request(quick()));
    double seconds = (System.nanoTime() - start) / 1e9;

    assertEquals("ok", transcript.text());
    assertTrue(seconds >= 0.95 && seconds < 8, "took " + seconds + " s");
  }

  @Test
  void aStalledStreamTimesOutAndIsRetried() {
    server.enqueue(streamResponse(textStream(List.of("never"))).newBuilder().bodyDelay(3, TimeUnit.SECONDS).build());
    server.enqueue(streamResponse(textStream(List.of("second"))));

    Transcript transcript = run(request(quick().withTimeout(Duration.ofMillis(300))));

    LlmError retry = transcript.retries().getFirst();
    assertEquals(ErrorKind.TIMEOUT, retry.kind());
    assertTrue(retry.retryable());
    assertEquals("second", transcript.text());
    assertNotNull(transcript.metrics());
  }

  @Test
  void aConnectionDroppedBeforeAnyResponseIsRetried() {
    server.enqueue(ScriptedBodies.dropAfter(encode(preambleEvent()), streamContentType()));
    server.enqueue(streamResponse(textStream(List.of("again"))));

    Transcript transcript = run(request(quick()));

    List<ChatChunk> early = transcript.chunksBeforeFirstRetry();
    assertTrue(early.stream().noneMatch(ChatChunk::hasResponse), "no response before the drop: " + early);
    assertEquals(ErrorKind.CONNECTION, transcript.retries().getFirst().kind());
    assertEquals("again", transcript.text());
    assertEquals(2, server.getRequestCount());
  }

  @Test
  void aConnectionDroppedAfterAResponseIsFinal() {
    server.enqueue(ScriptedBodies.dropAfter(encode(firstTextEvent("partial")), streamContentType()));
    server.enqueue(streamResponse(textStream(List.of("must not be requested"))));

    Transcript transcript = run(request(quick()));

    assertEquals("partial", transcript.text());
    assertEquals(List.of(), transcript.retries());
    LlmError error = transcript.error();
    assertEquals(ErrorKind.CONNECTION, error.kind());
    assertFalse(error.retryable());
    assertEquals(1, server.getRequestCount());
  }

  @Test
  void malformedJsonIsRetried() {
    server.enqueue(streamResponse(preambleEvent() + rawEvent("{\"id\": \"x\", \"choices\": [")));
    server.enqueue(streamResponse(textStream(List.of("fine"))));

    Transcript transcript = run(request(quick()));

    LlmError retry = transcript.retries().getFirst();
    assertEquals(ErrorKind.OTHER, retry.kind());
    assertTrue(retry.message().startsWith("malformed JSON"), retry.message());
    assertEquals("fine", transcript.text());
  }

  @Test
  void cancelClosesTheConnection() throws Exception {
    LlmRequest slow = slowRequest();
    RecordingListener listener = new RecordingListener();
    LlmStream stream = provider().chat(slow, listener);
    assertTrue(listener.takeChunk().hasResponse());

    stream.cancel();

    assertTrue(heldOpen.getLast().await(5, TimeUnit.SECONDS), "the server never saw the connection close");
    Transcript rest = Transcript.of(listener);
    assertTrue(rest.metrics().cancelled());
    assertTrue(stream.isDone());
  }

  @Test
  void cancellingBeforeAnyChunkCompletesWithoutMetrics() throws Exception {
    server.enqueue(streamResponse(textStream(List.of("late"))).newBuilder().headersDelay(2, TimeUnit.SECONDS).build());
    RecordingListener listener = new RecordingListener();
    LlmStream stream = provider().chat(request(ConnectOptions.defaults()), listener);
    takeRequest();

    stream.cancel();

    assertNull(Transcript.of(listener).metrics());
  }

  @Test
  void neverLeaksTheCredentialThroughErrorsOrLogs() {
    String echo = errorBody("Incorrect API key provided: " + SECRET);
    server.enqueue(errorResponse(500, echo));
    server.enqueue(errorResponse(429, echo).newBuilder().addHeader("Retry-After", "0").build());
    server.enqueue(streamResponse(preambleEvent() + rawEvent("{\"oops\": " + SECRET + "}")));
    server.enqueue(streamResponse(textStream(List.of("never"))).newBuilder().bodyDelay(2, TimeUnit.SECONDS).build());
    server.enqueue(ScriptedBodies.dropAfter(encode(preambleEvent()), streamContentType()));
    server.enqueue(errorResponse(401, echo));
    LlmProvider llm = provider();

    Transcript transcript = run(llm, request(quick().withMaxRetry(5).withTimeout(Duration.ofMillis(300))));

    List<LlmError> errors = new ArrayList<>(transcript.retries());
    errors.add(transcript.error());
    assertEquals(6, errors.size());
    assertEquals(401, errors.getLast().status());
    for (LlmError error : errors) {
      assertSecretAbsent(error.message(), "message");
      assertSecretAbsent(error.body(), "body");
      assertSecretAbsent(error.toString(), "error");
    }
    assertTrue(errors.getFirst().body().contains("[redacted]"), errors.getFirst().body());
    for (ILoggingEvent event : logs.list) {
      assertSecretAbsent(event.getFormattedMessage(), "log message");
      for (IThrowableProxy cause = event.getThrowableProxy(); cause != null; cause = cause.getCause()) {
        assertSecretAbsent(cause.getMessage(), "logged exception");
      }
    }
    assertSecretAbsent(llm.toString(), "provider");
  }

  /** Asserts {@code text} holds no credential. */
  protected static void assertSecretAbsent(String text, String where) {
    if (text != null) {
      assertFalse(text.contains(SECRET), "secret in " + where + ": " + text);
    }
  }

  /** The next request the server received. */
  protected RecordedRequest takeRequest() throws InterruptedException {
    RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
    assertNotNull(request, "no request arrived");
    return request;
  }

  private static MockWebServer startedServer() {
    MockWebServer started = new MockWebServer();
    try {
      started.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return started;
  }

  private static Logger rootLogger() {
    return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  }
}
