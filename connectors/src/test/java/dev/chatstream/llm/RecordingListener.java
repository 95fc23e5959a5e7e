package dev.chatstream.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.chatstream.llm.state.ProviderState;
import dev.chatstream.llm.stream.ChatChunk;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A listener that records every event in order and checks the stream contract as events arrive:
 * callbacks never overlap and nothing but an availability change follows the terminal callback.
 * Tests take events one by one ({@link #takeChunk()}, {@link #takeComplete()}, ...) and end with
 * {@link #assertExhausted()}, which fails on unread events and on contract violations.
 */
public final class RecordingListener implements LlmStreamListener {
  /** How long a take waits for the next event. */
  public static final Duration TIMEOUT = Duration.ofSeconds(10);

  /** A recorded callback. */
  public sealed interface Event permits Chunk, Retry, Availability, State, Complete, Failed {}

  /** {@code onChunk}. */
  public record Chunk(ChatChunk chunk) implements Event {}

  /** {@code onRetry}. */
  public record Retry(LlmError error) implements Event {}

  /** {@code onAvailabilityChanged}. */
  public record Availability(AvailabilityChanged change) implements Event {}

  /** {@code onProviderState}. */
  public record State(ProviderState state) implements Event {}

  /** {@code onComplete}. */
  public record Complete(LlmMetrics metrics) implements Event {}

  /** {@code onError}. */
  public record Failed(LlmError error) implements Event {}

  private final BlockingDeque<Event> events = new LinkedBlockingDeque<>();
  private final List<String> violations = Collections.synchronizedList(new ArrayList<>());
  private final AtomicInteger inCallback = new AtomicInteger();
  private final AtomicInteger terminals = new AtomicInteger();
  private final CountDownLatch terminal = new CountDownLatch(1);
  private volatile Consumer<ChatChunk> chunkAction = chunk -> {};

  /** Runs {@code action} inside every {@code onChunk}, after recording the chunk (it may throw). */
  public RecordingListener onEachChunk(Consumer<ChatChunk> action) {
    this.chunkAction = action;
    return this;
  }

  @Override
  public void onChunk(ChatChunk chunk) {
    enter("onChunk");
    try {
      events.add(new Chunk(chunk));
      chunkAction.accept(chunk);
    } finally {
      inCallback.decrementAndGet();
    }
  }

  @Override
  public void onRetry(LlmError error) {
    record("onRetry", new Retry(error));
  }

  @Override
  public void onAvailabilityChanged(AvailabilityChanged change) {
    enter("onAvailabilityChanged", true);
    try {
      events.add(new Availability(change));
    } finally {
      inCallback.decrementAndGet();
    }
  }

  @Override
  public void onProviderState(ProviderState state) {
    record("onProviderState", new State(state));
  }

  @Override
  public void onComplete(LlmMetrics metrics) {
    recordTerminal("onComplete", new Complete(metrics));
  }

  @Override
  public void onError(LlmError error) {
    recordTerminal("onError", new Failed(error));
  }

  /** The next event, waiting up to {@link #TIMEOUT}. */
  public Event take() {
    try {
      Event event = events.poll(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      if (event == null) {
        fail("no event within " + TIMEOUT);
      }
      return event;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while waiting for an event", e);
    }
  }

  /** Takes the next event, which must be a chunk. */
  public ChatChunk takeChunk() {
    return takeAs(Chunk.class).chunk();
  }

  /** Takes the next event, which must be a retry. */
  public LlmError takeRetry() {
    return takeAs(Retry.class).error();
  }

  /** Takes the next event, which must be an availability change. */
  public AvailabilityChanged takeAvailability() {
    return takeAs(Availability.class).change();
  }

  /** Takes the next event, which must be a provider state. */
  public ProviderState takeState() {
    return takeAs(State.class).state();
  }

  /** Takes the next event, which must be the completion; returns its metrics. */
  public LlmMetrics takeComplete() {
    return takeAs(Complete.class).metrics();
  }

  /** Takes the next event, which must be the final error. */
  public LlmError takeError() {
    return takeAs(Failed.class).error();
  }

  /**
   * Takes the text chunks at the head of the queue, waiting for each, until another event is next
   * (a usage chunk, a retry, the terminal callback...); returns their text.
   */
  public String takeText() {
    StringBuilder text = new StringBuilder();
    while (peek() instanceof Chunk(ChatChunk chunk) && chunk.delta() != null && chunk.delta().content() != null) {
      events.poll();
      text.append(chunk.delta().content());
    }
    return text.toString();
  }

  /** Takes every event up to and including the terminal one. */
  public List<Event> takeUntilTerminal() {
    List<Event> taken = new ArrayList<>();
    while (true) {
      Event event = take();
      taken.add(event);
      if (event instanceof Complete || event instanceof Failed) {
        return taken;
      }
    }
  }

  /** Waits for the terminal callback. */
  public void awaitTerminal() {
    try {
      assertTrue(terminal.await(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS), "no terminal callback within " + TIMEOUT);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while waiting for the terminal callback", e);
    }
  }

  /** True once a terminal callback arrived. */
  public boolean isTerminated() {
    return terminals.get() > 0;
  }

  /** The contract violations seen so far. */
  public List<String> violations() {
    synchronized (violations) {
      return List.copyOf(violations);
    }
  }

  /** Fails when events are left unread or the contract was broken. */
  public void assertExhausted() {
    assertEquals(List.of(), violations(), "stream contract violations");
    assertEquals(List.of(), List.copyOf(events), "unread events");
  }

  private Event peek() {
    Event next = take();
    events.addFirst(next);
    return next;
  }

  private <T extends Event> T takeAs(Class<T> type) {
    Event event = take();
    if (!type.isInstance(event)) {
      fail("expected " + type.getSimpleName() + " but was " + event);
    }
    return type.cast(event);
  }

  private void record(String callback, Event event) {
    enter(callback);
    try {
      events.add(event);
    } finally {
      inCallback.decrementAndGet();
    }
  }

  private void recordTerminal(String callback, Event event) {
    enter(callback);
    try {
      terminals.incrementAndGet();
      events.add(event);
      terminal.countDown();
    } finally {
      inCallback.decrementAndGet();
    }
  }

  private void enter(String callback) {
    enter(callback, false);
  }

  private void enter(String callback, boolean allowedAfterEnd) {
    if (inCallback.incrementAndGet() != 1) {
      violations.add(callback + " overlapped another callback");
    }
    if (terminals.get() > 0 && !allowedAfterEnd) {
      violations.add(callback + " after the terminal callback");
    }
  }
}
