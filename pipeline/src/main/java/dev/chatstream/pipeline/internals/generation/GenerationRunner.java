package dev.chatstream.pipeline.internals.generation;

import dev.chatstream.llm.LlmProvider;
import dev.chatstream.llm.LlmRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Starts provider calls for one task and tracks the running ones, at most one per conversation.
 * Starting returns at once: the provider streams on its own threads into the task's
 * {@link ProviderEventQueue}. Used only on the task's stream thread.
 */
public final class GenerationRunner {
  private final InflightLimiter limiter;
  private final ProviderEventQueue queue;
  private final Map<String, ActiveGeneration> active = new HashMap<>();

  /** A runner whose generations take permits from {@code limiter} and report into {@code queue}. */
  public GenerationRunner(InflightLimiter limiter, ProviderEventQueue queue) {
    this.limiter = limiter;
    this.queue = queue;
  }

  /**
   * Starts {@code generation} on {@code provider} with {@code request} when a permit is free.
   *
   * @return false when the in-flight bound is reached (nothing started)
   * @throws IllegalStateException when the conversation already has a running generation
   */
  public boolean tryStart(ActiveGeneration generation, LlmProvider provider, LlmRequest request) {
    GenerationHandle handle = generation.handle();
    if (active.containsKey(handle.conversationId())) {
      throw new IllegalStateException("conversation " + handle.conversationId() + " already has a running generation");
    }
    if (!limiter.tryAcquire()) {
      return false;
    }
    active.put(handle.conversationId(), generation);
    try {
      generation.started(provider.chat(request, queue.listenerFor(handle)));
    } catch (RuntimeException e) {
      active.remove(handle.conversationId());
      limiter.release();
      throw e;
    }
    return true;
  }

  /** The running generation the event belongs to, or empty when the event is stale. */
  public Optional<ActiveGeneration> activeFor(GenerationHandle handle) {
    ActiveGeneration generation = active.get(handle.conversationId());
    return generation != null && generation.handle().equals(handle) ? Optional.of(generation) : Optional.empty();
  }

  /** The conversation's running generation, if any. */
  public Optional<ActiveGeneration> active(String conversationId) {
    return Optional.ofNullable(active.get(conversationId));
  }

  /** Asks the conversation's running generation to stop; its terminal event finishes it. */
  public boolean cancel(String conversationId) {
    ActiveGeneration generation = active.get(conversationId);
    if (generation == null || generation.isCancelled()) {
      return false;
    }
    generation.cancel();
    return true;
  }

  /** Forgets the conversation's running generation and returns its permit. */
  public void finished(String conversationId) {
    if (active.remove(conversationId) != null) {
      limiter.release();
    }
  }

  /** Cancels every running generation and returns their permits (the task is closing). */
  public void closeAll() {
    List<ActiveGeneration> running = new ArrayList<>(active.values());
    active.clear();
    for (ActiveGeneration generation : running) {
      generation.cancel();
      limiter.release();
    }
  }

  /** True when the instance's in-flight bound leaves room for another generation. */
  public boolean hasFreePermit() {
    return limiter.inflight() < limiter.max();
  }

  /** How many generations run on this task. */
  public int running() {
    return active.size();
  }
}
