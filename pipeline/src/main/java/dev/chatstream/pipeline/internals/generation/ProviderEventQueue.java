package dev.chatstream.pipeline.internals.generation;

import dev.chatstream.llm.AvailabilityChanged;
import dev.chatstream.llm.LlmError;
import dev.chatstream.llm.LlmMetrics;
import dev.chatstream.llm.LlmStreamListener;
import dev.chatstream.llm.state.ProviderState;
import dev.chatstream.llm.stream.ChatChunk;
import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;

/**
 * The hand-off between connector threads and one task's stream thread: connectors append events
 * without blocking, the stream thread drains them in its punctuator. Lock-free and unbounded; the
 * in-flight limit bounds how many generations feed it.
 */
public final class ProviderEventQueue {
  private final Queue<ProviderEvent> events = new ConcurrentLinkedQueue<>();

  /** A listener that queues every event of the generation attempt {@code handle}. */
  public LlmStreamListener listenerFor(GenerationHandle handle) {
    return new LlmStreamListener() {
      @Override
      public void onChunk(ChatChunk chunk) {
        events.add(new ProviderEvent.Chunk(handle, chunk));
      }

      @Override
      public void onRetry(LlmError error) {
        events.add(new ProviderEvent.Retry(handle, error));
      }

      @Override
      public void onAvailabilityChanged(AvailabilityChanged change) {
        events.add(new ProviderEvent.Availability(handle, change));
      }

      @Override
      public void onProviderState(ProviderState state) {
        events.add(new ProviderEvent.State(handle, state));
      }

      @Override
      public void onComplete(LlmMetrics metrics) {
        events.add(new ProviderEvent.Completed(handle, metrics));
      }

      @Override
      public void onError(LlmError error) {
        events.add(new ProviderEvent.Failed(handle, error));
      }
    };
  }

  /**
   * Hands queued events to {@code sink}, oldest first, on the calling thread: at most {@code max}, and
   * none once {@code budget} has passed since the call (the rest wait for the next drain).
   *
   * @return how many were handed over
   */
  public int drain(int max, Duration budget, Consumer<ProviderEvent> sink) {
    long deadline = System.nanoTime() + budget.toNanos();
    int drained = 0;
    ProviderEvent event;
    while (drained < max && (drained == 0 || System.nanoTime() < deadline) && (event = events.poll()) != null) {
      sink.accept(event);
      drained++;
    }
    return drained;
  }

  /** True when nothing is queued. */
  public boolean isEmpty() {
    return events.isEmpty();
  }
}
