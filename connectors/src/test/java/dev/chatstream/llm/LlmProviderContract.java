package dev.chatstream.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatstream.llm.RecordingListener.Chunk;
import dev.chatstream.llm.RecordingListener.Complete;
import dev.chatstream.llm.RecordingListener.Event;
import dev.chatstream.llm.stream.ChatChunk;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The stream contract every {@link LlmProvider} honours. A connector's test extends this class and
 * supplies a provider, a request it answers successfully (the same reply every time, in more than one
 * chunk) and a request it streams slowly enough to be cancelled after its first chunk. Retry and
 * availability events are allowed anywhere before the terminal callback.
 */
public abstract class LlmProviderContract {
  private LlmProvider provider;

  /** A new provider; called before each test and closed after it. */
  protected abstract LlmProvider newProvider();

  /** A request the provider answers with several chunks; called once per {@code chat}, so it may script a server. */
  protected abstract LlmRequest successfulRequest();

  /** A request whose reply streams long enough to be cancelled after its first chunk; called once per {@code chat}. */
  protected abstract LlmRequest slowRequest();

  /** The label metrics carry; the provider's own unless it passes another's metrics through. */
  protected String expectedMetricsLabel(LlmProvider llm) {
    return llm.label();
  }

  @BeforeEach
  void openProvider() {
    provider = newProvider();
  }

  @AfterEach
  void closeProvider() {
    provider.close();
  }

  @Test
  void chatReturnsBeforeTheFirstChunkIsDelivered() {
    Thread caller = Thread.currentThread();
    CountDownLatch returned = new CountDownLatch(1);
    List<String> problems = Collections.synchronizedList(new ArrayList<>());
    RecordingListener listener = new RecordingListener().onEachChunk(chunk -> {
      if (Thread.currentThread() == caller && returned.getCount() > 0) {
        problems.add("a chunk was delivered on the caller's thread inside chat()");
      } else if (!awaitQuietly(returned)) {
        problems.add("chat() had not returned while the first chunk was delivered");
      }
    });

    LlmStream stream = provider.chat(successfulRequest(), listener);
    returned.countDown();
    assertNotNull(stream);

    listener.takeUntilTerminal();
    assertEquals(List.of(), problems);
    listener.assertExhausted();
  }

  @Test
  void successDeliversChunksThenExactlyOneCompletion() {
    RecordingListener listener = new RecordingListener();
    LlmStream stream = provider.chat(successfulRequest(), listener);

    List<Event> events = listener.takeUntilTerminal();

    assertInstanceOf(Complete.class, events.getLast(), "a successful stream ends with onComplete");
    assertTrue(chunks(events).stream().anyMatch(ChatChunk::hasResponse), "a response chunk before completion");
    assertTrue(stream.isDone(), "isDone once the terminal callback arrived");
    stream.cancel();
    listener.assertExhausted();
  }

  @Test
  void completionCarriesMetrics() {
    LlmRequest request = successfulRequest();
    RecordingListener listener = new RecordingListener();
    provider.chat(request, listener);

    LlmMetrics metrics = completion(listener.takeUntilTerminal());

    assertNotNull(metrics, "metrics when chunks arrived");
    assertEquals(expectedMetricsLabel(provider), metrics.label());
    assertEquals(request.requestId(), metrics.requestId());
    assertFalse(metrics.cancelled());
    assertTrue(metrics.completionTokens() > 0, "completion tokens counted: " + metrics);
    assertTrue(metrics.promptTokens() > 0, "prompt tokens counted: " + metrics);
    assertTrue(metrics.totalTokens() >= metrics.completionTokens() + metrics.promptTokens(), "total: " + metrics);
    assertTrue(metrics.ttftSeconds() >= 0, "ttft measured: " + metrics);
    assertTrue(metrics.durationSeconds() >= metrics.ttftSeconds(), "duration covers ttft: " + metrics);
    assertTrue(metrics.tokensPerSecond() >= 0, "tokens per second: " + metrics);
    assertFalse(metrics.modelName() == null || metrics.modelName().isBlank(), "model named: " + metrics);
    listener.assertExhausted();
  }

  @Test
  void cancelInsideAListenerStopsChunksAndCompletesAsCancelled() {
    CompletableFuture<LlmStream> stream = new CompletableFuture<>();
    RecordingListener listener = new RecordingListener().onEachChunk(chunk -> {
      if (chunk.hasResponse()) {
        stream.orTimeout(10, TimeUnit.SECONDS).join().cancel();
      }
    });
    stream.complete(provider.chat(slowRequest(), listener));

    List<Event> events = listener.takeUntilTerminal();

    List<ChatChunk> chunks = chunks(events);
    assertTrue(chunks.getLast().hasResponse(), "no chunk after the cancelling one: " + events);
    assertEquals(1, chunks.stream().filter(ChatChunk::hasResponse).count(), "one response chunk: " + events);
    LlmMetrics metrics = completion(events);
    assertNotNull(metrics, "metrics, since a chunk arrived");
    assertTrue(metrics.cancelled(), "cancelled=true: " + metrics);
    assertTrue(stream.join().isDone());
    listener.assertExhausted();
  }

  @Test
  void cancelFromAnotherThreadCompletesAsCancelled() {
    RecordingListener listener = new RecordingListener();
    LlmStream stream = provider.chat(slowRequest(), listener);
    waitForFirstChunk(listener);

    stream.cancel();

    LlmMetrics metrics = completion(listener.takeUntilTerminal());
    assertNotNull(metrics);
    assertTrue(metrics.cancelled(), "cancelled=true: " + metrics);
    listener.assertExhausted();
  }

  @Test
  void cancelIsIdempotent() {
    RecordingListener listener = new RecordingListener();
    LlmStream stream = provider.chat(slowRequest(), listener);
    waitForFirstChunk(listener);

    stream.cancel();
    stream.cancel();
    List<Event> events = listener.takeUntilTerminal();
    stream.cancel();

    assertTrue(completion(events).cancelled());
    assertTrue(stream.isDone());
    listener.assertExhausted();
  }

  @Test
  void cancelAfterCompletionChangesNothing() {
    RecordingListener listener = new RecordingListener();
    LlmStream stream = provider.chat(successfulRequest(), listener);
    LlmMetrics metrics = completion(listener.takeUntilTerminal());

    stream.cancel();

    assertFalse(metrics.cancelled());
    assertTrue(stream.isDone());
    listener.assertExhausted();
  }

  @Test
  void listenerExceptionsDoNotBreakTheStream() {
    RecordingListener quiet = new RecordingListener();
    provider.chat(successfulRequest(), quiet);
    String expected = text(quiet.takeUntilTerminal());
    RecordingListener throwing = new RecordingListener().onEachChunk(chunk -> {
      throw new IllegalStateException("listener failure on purpose");
    });

    provider.chat(successfulRequest(), throwing);
    List<Event> events = throwing.takeUntilTerminal();

    assertEquals(expected, text(events), "every chunk still arrives");
    assertNotNull(completion(events), "the stream still completes");
    quiet.assertExhausted();
    throwing.assertExhausted();
  }

  private static void waitForFirstChunk(RecordingListener listener) {
    while (!(listener.take() instanceof Chunk chunk && chunk.chunk().hasResponse())) {
      // retries and availability changes may come first
    }
  }

  private static List<ChatChunk> chunks(List<Event> events) {
    return events.stream().filter(Chunk.class::isInstance).map(e -> ((Chunk) e).chunk()).toList();
  }

  private static String text(List<Event> events) {
    StringBuilder text = new StringBuilder();
    for (ChatChunk chunk : chunks(events)) {
      if (chunk.delta() != null && chunk.delta().content() != null) {
        text.append(chunk.delta().content());
      }
    }
    return text.toString();
  }

  private static LlmMetrics completion(List<Event> events) {
    return assertInstanceOf(Complete.class, events.getLast(), "ends with onComplete: " + events).metrics();
  }

  private static boolean awaitQuietly(CountDownLatch latch) {
    try {
      return latch.await(RecordingListener.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
