package dev.chatstream.llm.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.chatstream.llm.LlmError;
import dev.chatstream.llm.LlmMetrics;
import dev.chatstream.llm.LlmStreamListener;
import dev.chatstream.llm.stream.ChatChunk;
import dev.chatstream.llm.stream.CompletionUsage;
import dev.chatstream.llm.stream.FunctionToolCall;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Records every event of one stream and checks the listener contract: calls never overlap, exactly
 * one terminal event, nothing after it. Read events in order with {@code next...}, then
 * {@link #assertExhausted()}.
 */
public final class RecordingListener implements LlmStreamListener {

  /** One recorded event. */
  public sealed interface Event {}

  /** A chunk. */
  public record Chunk(ChatChunk chunk) implements Event {}

  /** A recoverable error before a retry. */
  public record Retry(LlmError error) implements Event {}

  /** The normal end. */
  public record Complete(LlmMetrics metrics) implements Event {}

  /** The final error. */
  public record Failure(LlmError error) implements Event {}

  private final List<Event> events = new ArrayList<>();
  private final List<String> violations = new ArrayList<>();
  private final CountDownLatch ended = new CountDownLatch(1);
  private final CountDownLatch firstResponse = new CountDownLatch(1);
  private final AtomicBoolean inCall = new AtomicBoolean();
  private int cursor;

  @Override
  public void onChunk(ChatChunk chunk) {
    record(new Chunk(chunk));
    if (chunk.hasResponse()) {
      firstResponse.countDown();
    }
  }

  @Override
  public void onRetry(LlmError error) {
    record(new Retry(error));
  }

  @Override
  public void onComplete(LlmMetrics metrics) {
    record(new Complete(metrics));
    ended.countDown();
  }

  @Override
  public void onError(LlmError error) {
    record(new Failure(error));
    ended.countDown();
  }

  private void record(Event event) {
    if (!inCall.compareAndSet(false, true)) {
      violations.add("overlapping listener calls at " + event);
    }
    synchronized (this) {
      if (ended.getCount() == 0) {
        violations.add("event after the end: " + event);
      }
      events.add(event);
    }
    inCall.set(false);
  }

  /** Waits for the first chunk with a response (5 s at most). */
  public RecordingListener awaitFirstResponse() {
    try {
      if (!firstResponse.await(5, TimeUnit.SECONDS)) {
        fail("no response chunk within 5 s; events: " + snapshot());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      fail("interrupted");
    }
    return this;
  }

  /** Waits for onComplete or onError (10 s at most). */
  public RecordingListener awaitEnd() {
    return awaitEnd(Duration.ofSeconds(10));
  }

  /** Waits for onComplete or onError. */
  public RecordingListener awaitEnd(Duration timeout) {
    try {
      if (!ended.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        fail("stream did not end within " + timeout + "; events: " + snapshot());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      fail("interrupted");
    }
    return this;
  }

  /** True once the stream ended. */
  public boolean ended() {
    return ended.getCount() == 0;
  }

  /** All events so far. */
  public synchronized List<Event> snapshot() {
    return List.copyOf(events);
  }

  /** The chunks so far. */
  public List<ChatChunk> chunks() {
    return snapshot().stream().filter(Chunk.class::isInstance).map(e -> ((Chunk) e).chunk()).toList();
  }

  /** The recoverable errors so far. */
  public List<LlmError> retries() {
    return snapshot().stream().filter(Retry.class::isInstance).map(e -> ((Retry) e).error()).toList();
  }

  /** The text of all chunks, joined. */
  public String text() {
    StringBuilder text = new StringBuilder();
    for (ChatChunk chunk : chunks()) {
      if (chunk.delta() != null && chunk.delta().content() != null) {
        text.append(chunk.delta().content());
      }
    }
    return text.toString();
  }

  /** The tool calls of all chunks, in order. */
  public List<FunctionToolCall> toolCalls() {
    List<FunctionToolCall> calls = new ArrayList<>();
    for (ChatChunk chunk : chunks()) {
      if (chunk.delta() != null) {
        calls.addAll(chunk.delta().toolCalls());
      }
    }
    return calls;
  }

  /** The usage of the usage chunks, in order. */
  public List<CompletionUsage> usages() {
    return chunks().stream().filter(c -> c.usage() != null).map(ChatChunk::usage).toList();
  }

  /** Consumes every chunk up to the next other event. */
  public synchronized List<ChatChunk> nextChunks() {
    List<ChatChunk> chunks = new ArrayList<>();
    while (cursor < events.size() && events.get(cursor) instanceof Chunk(ChatChunk chunk)) {
      chunks.add(chunk);
      cursor++;
    }
    return chunks;
  }

  /** Consumes the next event, a retry. */
  public LlmError nextRetry() {
    return next(Retry.class).error();
  }

  /** Consumes the next event, the normal end. */
  public LlmMetrics nextComplete() {
    return next(Complete.class).metrics();
  }

  /** Consumes the next event, the final error. */
  public LlmError nextError() {
    return next(Failure.class).error();
  }

  private synchronized <T extends Event> T next(Class<T> type) {
    assertTrue(cursor < events.size(), "expected " + type.getSimpleName() + " but no event is left: " + events);
    return assertInstanceOf(type, events.get(cursor++), "events: " + events);
  }

  /** Asserts every event was consumed and the listener contract held. */
  public synchronized void assertExhausted() {
    assertEquals(List.of(), violations, "listener contract violations");
    assertEquals(events.size(), cursor, "unconsumed events: " + events.subList(cursor, events.size()));
  }
}
