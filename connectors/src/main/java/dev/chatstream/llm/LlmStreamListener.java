package dev.chatstream.llm;

import dev.chatstream.llm.stream.ChatChunk;

/**
 * Receives the events of one {@link LlmStream}. Calls for one stream never overlap and arrive in
 * order, on connector threads; a listener must not block. Exactly one of {@link #onComplete} and
 * {@link #onError} ends every stream. An exception thrown by a listener is logged and never breaks
 * the transport.
 */
public interface LlmStreamListener {

  /** A chunk of the reply: text, complete tool calls, or usage. */
  default void onChunk(ChatChunk chunk) {}

  /** An attempt failed and another will follow ({@code error.recoverable()} is true). */
  default void onRetry(LlmError error) {}

  /** A fallback member's availability changed. */
  default void onAvailabilityChanged(AvailabilityChanged change) {}

  /**
   * The generation ended normally or was cancelled.
   *
   * @param metrics the generation's metrics, or null when no chunk ever arrived
   */
  void onComplete(LlmMetrics metrics);

  /** The generation failed for good ({@code error.recoverable()} is false). No metrics follow. */
  void onError(LlmError error);
}
