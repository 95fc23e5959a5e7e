package dev.chatstream.pipeline.internals.generation;

import dev.chatstream.llm.AvailabilityChanged;
import dev.chatstream.llm.LlmError;
import dev.chatstream.llm.LlmMetrics;
import dev.chatstream.llm.state.ProviderState;
import dev.chatstream.llm.stream.ChatChunk;

/**
 * What a connector reported for one generation, queued by connector threads and drained on the
 * stream thread.
 */
public sealed interface ProviderEvent {

  /** The generation attempt the event belongs to. */
  GenerationHandle handle();

  /** A chunk of the reply. */
  record Chunk(GenerationHandle handle, ChatChunk chunk) implements ProviderEvent {}

  /** An attempt failed; another follows. */
  record Retry(GenerationHandle handle, LlmError error) implements ProviderEvent {}

  /** A fallback member's availability changed. */
  record Availability(GenerationHandle handle, AvailabilityChanged change) implements ProviderEvent {}

  /** What the provider keeps of the conversation changed (null: it keeps nothing usable). */
  record State(GenerationHandle handle, ProviderState state) implements ProviderEvent {}

  /** The generation ended normally or was cancelled; metrics null when no chunk arrived. */
  record Completed(GenerationHandle handle, LlmMetrics metrics) implements ProviderEvent {}

  /** The generation failed for good. */
  record Failed(GenerationHandle handle, LlmError error) implements ProviderEvent {}

  /** True for the events that end a generation. */
  default boolean isTerminal() {
    return this instanceof Completed || this instanceof Failed;
  }
}
