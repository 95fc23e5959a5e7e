package dev.chatstream.llm.internal.retry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatstream.llm.ApiConnectionException;
import dev.chatstream.llm.ApiStatusException;
import dev.chatstream.llm.ConnectOptions;
import dev.chatstream.llm.ErrorKind;
import dev.chatstream.llm.LlmError;
import dev.chatstream.llm.LlmMetrics;
import dev.chatstream.llm.LlmStream;
import dev.chatstream.llm.LlmStreamListener;
import dev.chatstream.llm.state.ProviderConversation;
import dev.chatstream.llm.state.ProviderState;
import dev.chatstream.llm.stream.ChatChunk;
import dev.chatstream.llm.stream.ChoiceDelta;
import dev.chatstream.llm.stream.CompletionUsage;
import dev.chatstream.llm.RecordingListener;
import dev.chatstream.llm.testing.RecordingRetryWait;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class RetryingStreamTest {

  private static final ChatChunk HELLO = new ChatChunk("c1", ChoiceDelta.text("Hello"), null);
  private static final ChatChunk USAGE = new ChatChunk("c1", null, new CompletionUsage(5, 12, 4, 0, 0, 17, null));

  private final RecordingRetryWait waits = new RecordingRetryWait();
  private final RecordingListener listener = new RecordingListener();

  @Test
  void deliversChunksThenMetricsFromTheUsageChunk() {
    start(ConnectOptions.defaults(), context -> {
      context.emit(HELLO);
      context.emit(USAGE);
    });

    assertEquals(HELLO, listener.takeChunk());
    assertEquals(USAGE, listener.takeChunk());
    LlmMetrics metrics = listener.takeComplete();
    listener.assertExhausted();
    assertEquals("test.LLM", metrics.label());
    assertEquals("req-1", metrics.requestId());
    assertEquals("model-x", metrics.modelName());
    assertEquals("tester", metrics.modelProvider());
    assertEquals(5, metrics.completionTokens());
    assertEquals(12, metrics.promptTokens());
    assertEquals(4, metrics.promptCachedTokens());
    assertEquals(17, metrics.totalTokens());
    assertFalse(metrics.cancelled());
    assertTrue(metrics.ttftSeconds() >= 0 && metrics.ttftSeconds() <= metrics.durationSeconds());
    assertEquals(5 / metrics.durationSeconds(), metrics.tokensPerSecond(), 1e-6);
  }

  @Test
  void aNoticeIsARecoverableErrorEventAndTheAttemptGoesOn() {
    start(ConnectOptions.defaults(), context -> {
      context.notice(new ApiStatusException("upgrade refused", 404, "req-9", null, null, false));
      context.emit(HELLO);
    });

    LlmError notice = listener.takeRetry();
    assertEquals(ErrorKind.STATUS, notice.kind());
    assertEquals(404, notice.status());
    assertTrue(notice.recoverable());
    assertTrue(notice.retryable());
    assertEquals("test.LLM", notice.label());
    assertEquals(HELLO, listener.takeChunk());
    listener.takeComplete();
    listener.assertExhausted();
  }

  @Test
  void reportedStatesReachTheListenerBeforeTheFinalError() {
    ProviderState state = ProviderConversation.empty("conv_1", "https://example.test/v1");
    start(ConnectOptions.defaults(), context -> {
      context.reportState(state);
      throw new ApiStatusException("bad request", 400, null, null, null);
    });

    assertEquals(state, listener.takeState());
    assertEquals(400, listener.takeError().status());
    listener.assertExhausted();
  }

  @Test
  void completesWithoutMetricsWhenNoChunkArrived() {
    start(ConnectOptions.defaults(), context -> {});

    assertNull(listener.takeComplete());
    listener.assertExhausted();
  }

  @Test
  void ttftIsMinusOneWhenOnlyUsageArrived() {
    start(ConnectOptions.defaults(), context -> context.emit(USAGE));

    assertEquals(USAGE, listener.takeChunk());
    assertEquals(-1, listener.takeComplete().ttftSeconds());
    listener.assertExhausted();
  }

  @Test
  void retriesRetryableFailuresWithTheShortFirstWaitThenTheInterval() {
    AtomicInteger attempts = new AtomicInteger();
    start(ConnectOptions.defaults().withRetryInterval(Duration.ofSeconds(2)), context -> {
      if (attempts.getAndIncrement() < 3) {
        throw new IOException("connection reset");
      }
      context.emit(HELLO);
    });

    for (int i = 0; i < 3; i++) {
      LlmError retry = listener.takeRetry();
      assertTrue(retry.recoverable());
      assertTrue(retry.retryable());
      assertEquals(ErrorKind.CONNECTION, retry.kind());
      assertEquals("test.LLM", retry.label());
    }
    assertEquals(HELLO, listener.takeChunk());
    assertNotNull(listener.takeComplete());
    listener.assertExhausted();
    assertEquals(4, attempts.get());
    assertEquals(List.of(Duration.ofMillis(100), Duration.ofSeconds(2), Duration.ofSeconds(2)), waits.delays());
  }

  @Test
  void failsAfterTheLastAttemptNamingTheNumberOfAttempts() {
    AtomicInteger attempts = new AtomicInteger();
    start(ConnectOptions.defaults(), context -> {
      attempts.incrementAndGet();
      throw new SocketTimeoutException("timeout");
    });

    for (int i = 0; i < 3; i++) {
      assertEquals(ErrorKind.TIMEOUT, listener.takeRetry().kind());
    }
    LlmError error = listener.takeError();
    listener.assertExhausted();
    assertEquals(4, attempts.get());
    assertFalse(error.recoverable());
    assertEquals(ErrorKind.TIMEOUT, error.kind());
    assertTrue(error.message().startsWith("failed to generate LLM completion after 4 attempts"), error.message());
  }

  @Test
  void withoutRetriesTheErrorIsTheAttemptsOwn() {
    start(ConnectOptions.defaults().withMaxRetry(0), context -> {
      throw new IOException("unexpected end of stream");
    });

    LlmError error = listener.takeError();
    listener.assertExhausted();
    assertEquals("connection error: IOException: unexpected end of stream", error.message());
    assertTrue(waits.delays().isEmpty());
  }

  @Test
  void neverRetriesAClientError() {
    AtomicInteger attempts = new AtomicInteger();
    start(ConnectOptions.defaults(), context -> {
      attempts.incrementAndGet();
      throw new ApiStatusException("HTTP 400: bad", 400, "req_x", "{}", null);
    });

    LlmError error = listener.takeError();
    listener.assertExhausted();
    assertEquals(1, attempts.get());
    assertEquals(400, error.status());
    assertEquals("req_x", error.providerRequestId());
    assertEquals("HTTP 400: bad", error.message());
    assertFalse(error.retryable());
  }

  @Test
  void neverRetriesOnceAResponseChunkWasDelivered() {
    AtomicInteger attempts = new AtomicInteger();
    start(ConnectOptions.defaults(), context -> {
      attempts.incrementAndGet();
      context.emit(HELLO);
      throw new IOException("connection reset");
    });

    assertEquals(HELLO, listener.takeChunk());
    LlmError error = listener.takeError();
    listener.assertExhausted();
    assertEquals(1, attempts.get());
    assertFalse(error.retryable());
    assertFalse(error.recoverable());
    assertEquals("connection error: IOException: connection reset", error.message());
  }

  @Test
  void retriesWhenOnlyAChunkWithoutResponseWasDelivered() {
    AtomicInteger attempts = new AtomicInteger();
    start(ConnectOptions.defaults(), context -> {
      if (attempts.getAndIncrement() == 0) {
        context.emit(new ChatChunk("c0", new ChoiceDelta(null, "", List.of(), null), null));
        throw new IOException("dropped");
      }
      context.emit(HELLO);
    });

    assertFalse(listener.takeChunk().hasResponse());
    listener.takeRetry();
    assertEquals(HELLO, listener.takeChunk());
    listener.takeComplete();
    listener.assertExhausted();
    assertEquals(2, attempts.get());
  }

  @Test
  void status499EndsQuietly() {
    start(ConnectOptions.defaults(), context -> {
      throw new ApiStatusException("HTTP 499: client closed", 499, null, null, null);
    });

    assertNull(listener.takeComplete());
    listener.assertExhausted();
    assertTrue(waits.delays().isEmpty());
  }

  @Test
  void honoursRetryAfterOnRateLimits() {
    AtomicInteger attempts = new AtomicInteger();
    start(ConnectOptions.defaults(), context -> {
      if (attempts.getAndIncrement() == 0) {
        throw new ApiStatusException("HTTP 429: slow down", 429, null, null, Duration.ofSeconds(7));
      }
    });

    assertEquals(Duration.ofSeconds(7), listener.takeRetry().retryAfter(), "the retry event says how long to wait");
    listener.takeComplete();
    listener.assertExhausted();
    assertEquals(List.of(Duration.ofSeconds(7)), waits.delays());
  }

  @Test
  void capsAnExcessiveRetryAfter() {
    AtomicInteger attempts = new AtomicInteger();
    start(ConnectOptions.defaults(), context -> {
      if (attempts.getAndIncrement() == 0) {
        throw new ApiStatusException("HTTP 429", 429, null, null, Duration.ofHours(1));
      }
    });

    listener.takeRetry();
    listener.takeComplete();
    listener.assertExhausted();
    assertEquals(List.of(RetryingStream.MAX_RETRY_AFTER), waits.delays());
  }

  @Test
  void ignoresRetryAfterOnOtherStatuses() {
    AtomicInteger attempts = new AtomicInteger();
    start(ConnectOptions.defaults(), context -> {
      if (attempts.getAndIncrement() == 0) {
        throw new ApiStatusException("HTTP 503", 503, null, null, Duration.ofSeconds(30));
      }
    });

    listener.takeRetry();
    listener.takeComplete();
    listener.assertExhausted();
    assertEquals(List.of(ConnectOptions.FIRST_RETRY_DELAY), waits.delays());
  }

  @Test
  void ttftRunsFromTheStartOfTheGenerationAcrossRetries() throws InterruptedException {
    AtomicInteger attempts = new AtomicInteger();
    start(ConnectOptions.defaults(), context -> {
      if (attempts.getAndIncrement() == 0) {
        Thread.sleep(120);
        throw new IOException("dropped");
      }
      context.emit(HELLO);
    });

    listener.takeRetry();
    listener.takeChunk();
    LlmMetrics metrics = listener.takeComplete();
    listener.assertExhausted();
    assertTrue(metrics.ttftSeconds() >= 0.12, "ttft " + metrics.ttftSeconds());
  }

  @Test
  void cancellingDuringAWaitStopsTheRetries() {
    AtomicInteger attempts = new AtomicInteger();
    AtomicReference<LlmStream> stream = new AtomicReference<>();
    CountDownLatch started = new CountDownLatch(1);
    waits.during(() -> stream.get().cancel());
    stream.set(RetryingStream.start(generation(ConnectOptions.defaults()), context -> {
      awaitQuietly(started);
      attempts.incrementAndGet();
      throw new IOException("dropped");
    }, ExceptionMapper.redacting(List.of()), listener, runtime()));
    started.countDown();

    listener.takeRetry();
    assertNull(listener.takeComplete());
    listener.assertExhausted();
    assertEquals(1, attempts.get());
    assertTrue(stream.get().isDone());
  }

  @Test
  void cancellingRunsTheAttemptsCancelActionAndReportsCancelledMetrics() throws InterruptedException {
    CountDownLatch blocked = new CountDownLatch(1);
    CountDownLatch released = new CountDownLatch(1);
    LlmStream stream = start(ConnectOptions.defaults(), context -> {
      context.onCancel(released::countDown);
      context.emit(HELLO);
      blocked.countDown();
      if (!released.await(5, TimeUnit.SECONDS)) {
        throw new AssertionError("cancel action never ran");
      }
      throw new IOException("Canceled");
    });
    assertTrue(blocked.await(5, TimeUnit.SECONDS));

    stream.cancel();

    assertEquals(HELLO, listener.takeChunk());
    LlmMetrics metrics = listener.takeComplete();
    listener.assertExhausted();
    assertTrue(metrics.cancelled());
    assertTrue(stream.isDone());
    stream.cancel();
  }

  @Test
  void cancellingBeforeTheAttemptRegistersRunsTheActionAtOnce() throws InterruptedException {
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch cancelled = new CountDownLatch(1);
    CountDownLatch ran = new CountDownLatch(1);
    LlmStream stream = start(ConnectOptions.defaults(), context -> {
      entered.countDown();
      awaitQuietly(cancelled);
      context.onCancel(ran::countDown);
      context.emit(HELLO);
    });
    assertTrue(entered.await(5, TimeUnit.SECONDS));

    stream.cancel();
    cancelled.countDown();

    assertTrue(ran.await(5, TimeUnit.SECONDS));
    assertNull(listener.takeComplete(), "a chunk after cancel is not delivered");
    listener.assertExhausted();
  }

  @Test
  void aFailingListenerDoesNotBreakTheStream() {
    List<String> seen = new ArrayList<>();
    CountDownLatch ended = new CountDownLatch(1);
    LlmStreamListener faulty = new LlmStreamListener() {
      @Override
      public void onChunk(ChatChunk chunk) {
        seen.add(chunk.delta().content());
        throw new IllegalStateException("listener bug");
      }

      @Override
      public void onComplete(LlmMetrics metrics) {
        ended.countDown();
      }

      @Override
      public void onError(LlmError error) {
        throw new AssertionError("unexpected error " + error);
      }
    };
    RetryingStream.start(generation(ConnectOptions.defaults()), context -> {
      context.emit(HELLO);
      context.emit(new ChatChunk("c1", ChoiceDelta.text(" world"), null));
    }, ExceptionMapper.redacting(List.of()), faulty, runtime());

    awaitQuietly(ended);
    assertEquals(List.of("Hello", " world"), seen);
  }

  @Test
  void anUnexpectedFailureEndsTheStreamWithAFinalError() {
    start(ConnectOptions.defaults(), context -> {
      throw new IllegalStateException("bug in a parser");
    });

    LlmError error = listener.takeError();
    listener.assertExhausted();
    assertEquals(ErrorKind.OTHER, error.kind());
    assertFalse(error.retryable());
  }

  @Test
  void theCallersThreadNeverRunsTheAttempt() {
    AtomicReference<Thread> ranOn = new AtomicReference<>();
    start(ConnectOptions.defaults(), context -> ranOn.set(Thread.currentThread()));

    listener.takeComplete();
    assertFalse(ranOn.get() == Thread.currentThread());
    assertTrue(ranOn.get().isVirtual());
  }

  @Test
  void aConnectionErrorStaysRetryableWithoutAResponse() {
    start(ConnectOptions.defaults().withMaxRetry(1), context -> {
      throw new ApiConnectionException("down", true, null);
    });

    listener.takeRetry();
    LlmError error = listener.takeError();
    assertTrue(error.retryable());
    assertEquals("failed to generate LLM completion after 2 attempts: down", error.message());
  }

  private LlmStream start(ConnectOptions options, Attempt attempt) {
    return RetryingStream.start(generation(options), attempt, ExceptionMapper.redacting(List.of()), listener, runtime());
  }

  private ConnectorRuntime runtime() {
    return ConnectorRuntime.defaults().withRetryWait(waits);
  }

  private static Generation generation(ConnectOptions options) {
    return new Generation("test.LLM", "tester", "model-x", "req-1", options);
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      if (!latch.await(5, TimeUnit.SECONDS)) {
        throw new AssertionError("latch timed out");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
