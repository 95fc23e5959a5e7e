package dev.chatstream.llm.fallback;

import dev.chatstream.llm.AvailabilityChanged;
import dev.chatstream.llm.LlmError;
import dev.chatstream.llm.LlmMetrics;
import dev.chatstream.llm.LlmStreamListener;
import dev.chatstream.llm.state.ProviderState;
import dev.chatstream.llm.stream.ChatChunk;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The caller's listener as the adapter's members, probes and cancellation reach it from several
 * threads: events are queued and delivered one at a time, in order, by whichever thread finds the
 * queue idle (nobody waits). The first terminal event wins; anything after it is dropped except
 * availability changes, which a recovery probe the request started may confirm after the request
 * ended. Listener exceptions are logged.
 */
final class SerialListener {
  private static final Logger LOG = LoggerFactory.getLogger(SerialListener.class);

  private record Event(Runnable call, boolean terminal, boolean afterEnd) {}

  private final LlmStreamListener target;
  private final String requestId;
  private final Queue<Event> queue = new ConcurrentLinkedQueue<>();
  private final AtomicInteger pending = new AtomicInteger();
  private final AtomicBoolean terminalSubmitted = new AtomicBoolean();
  private volatile boolean terminalDelivered;

  SerialListener(LlmStreamListener target, String requestId) {
    this.target = target;
    this.requestId = requestId;
  }

  void chunk(ChatChunk chunk) {
    submit(new Event(() -> target.onChunk(chunk), false, false));
  }

  void retry(LlmError error) {
    submit(new Event(() -> target.onRetry(error), false, false));
  }

  void state(ProviderState state) {
    submit(new Event(() -> target.onProviderState(state), false, false));
  }

  void availability(AvailabilityChanged change) {
    submit(new Event(() -> target.onAvailabilityChanged(change), false, true));
  }

  void complete(LlmMetrics metrics) {
    if (terminalSubmitted.compareAndSet(false, true)) {
      submit(new Event(() -> target.onComplete(metrics), true, false));
    }
  }

  void error(LlmError error) {
    if (terminalSubmitted.compareAndSet(false, true)) {
      submit(new Event(() -> target.onError(error), true, false));
    }
  }

  /** True once a terminal event was handed to the listener. */
  boolean isDone() {
    return terminalDelivered;
  }

  /** True once a terminal event was submitted, delivered or not. */
  boolean isEnding() {
    return terminalSubmitted.get();
  }

  private void submit(Event event) {
    if (terminalDelivered && !event.afterEnd()) {
      return;
    }
    queue.add(event);
    if (pending.getAndIncrement() != 0) {
      return;
    }
    int missed = 1;
    do {
      for (Event next = queue.poll(); next != null; next = queue.poll()) {
        deliver(next);
      }
      missed = pending.addAndGet(-missed);
    } while (missed != 0);
  }

  private void deliver(Event event) {
    if (terminalDelivered && !event.afterEnd()) {
      return;
    }
    terminalDelivered |= event.terminal();
    try {
      event.call().run();
    } catch (RuntimeException e) {
      LOG.warn("fallback stream listener failed for request {}", requestId, e);
    }
  }
}
