package dev.chatstream.pipeline.internals.generation;

import dev.chatstream.llm.LlmProvider;
import dev.chatstream.llm.LlmRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Starts provider calls for one task and tracks the running ones, at most one per slot: per
 * conversation for the service, per replayed request for a reprocessing run. Starting returns at
 * once: the provider streams on its own threads into the task's {@link ProviderEventQueue}. Used only
 * on the task's stream thread.
 */
public final class GenerationRunner {
  private final InflightLimiter limiter;
  private final ProviderEventQueue queue;
  private final Function<GenerationHandle, String> slotOf;
  private final GenerationTracer tracer;
  private final Map<String, ActiveGeneration> active = new HashMap<>();

  /**
   * A runner of one generation per conversation, whose generations take permits from {@code limiter}
   * and report into {@code queue}.
   */
  public GenerationRunner(InflightLimiter limiter, ProviderEventQueue queue) {
    this(limiter, queue, GenerationHandle::conversationId, GenerationTracer.NONE);
  }

  /** A runner of one generation per conversation whose attempts {@code tracer} traces. */
  public GenerationRunner(InflightLimiter limiter, ProviderEventQueue queue, GenerationTracer tracer) {
    this(limiter, queue, GenerationHandle::conversationId, tracer);
  }

  /** A runner of one generation per slot, {@code slotOf} naming a generation's slot. */
  public GenerationRunner(InflightLimiter limiter, ProviderEventQueue queue, Function<GenerationHandle, String> slotOf) {
    this(limiter, queue, slotOf, GenerationTracer.NONE);
  }

  private GenerationRunner(InflightLimiter limiter, ProviderEventQueue queue, Function<GenerationHandle, String> slotOf,
      GenerationTracer tracer) {
    this.limiter = limiter;
    this.queue = queue;
    this.slotOf = slotOf;
    this.tracer = tracer;
  }

  /**
   * Starts {@code generation} on {@code provider} with {@code request} when a permit is free.
   *
   * @return false when the in-flight bound is reached (nothing started)
   * @throws IllegalStateException when the generation's slot already has a running generation
   */
  public boolean tryStart(ActiveGeneration generation, LlmProvider provider, LlmRequest request) {
    GenerationHandle handle = generation.handle();
    String slot = slotOf.apply(handle);
    if (active.containsKey(slot)) {
      throw new IllegalStateException("generation " + handle.requestId() + " of conversation "
          + handle.conversationId() + " would run beside another in its slot");
    }
    if (!limiter.tryAcquire()) {
      return false;
    }
    active.put(slot, generation);
    try {
      generation.started(provider.chat(request, tracer.started(generation, provider, request, queue.listenerFor(handle))));
    } catch (RuntimeException e) {
      active.remove(slot);
      limiter.release();
      throw e;
    }
    return true;
  }

  /** The running generation the event belongs to, or empty when the event is stale. */
  public Optional<ActiveGeneration> activeFor(GenerationHandle handle) {
    ActiveGeneration generation = active.get(slotOf.apply(handle));
    return generation != null && generation.handle().equals(handle) ? Optional.of(generation) : Optional.empty();
  }

  /** The slot's running generation (the conversation's, for a runner of one per conversation), if any. */
  public Optional<ActiveGeneration> active(String slot) {
    return Optional.ofNullable(active.get(slot));
  }

  /** Asks the slot's running generation to stop; its terminal event finishes it. */
  public boolean cancel(String slot) {
    ActiveGeneration generation = active.get(slot);
    if (generation == null || generation.isCancelled()) {
      return false;
    }
    generation.cancel();
    return true;
  }

  /** Forgets the slot's running generation and returns its permit. */
  public void finished(String slot) {
    if (active.remove(slot) != null) {
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
