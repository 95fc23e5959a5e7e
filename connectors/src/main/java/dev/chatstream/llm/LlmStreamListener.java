package dev.chatstream.llm;

import dev.chatstream.llm.state.ProviderState;
import dev.chatstream.llm.stream.ChatChunk;

/**
 * Receives the events of one {@link LlmStream}. Calls for one stream never overlap and arrive in
 * order, on connector threads; a listener must not block. Exactly one of {@link #onComplete} and
 * {@link #onError} ends every stream; only {@link #onAvailabilityChanged} may follow it. An exception
 * thrown by a listener is logged and never breaks the transport.
 */
public interface LlmStreamListener {

  /** A chunk of the reply: text, complete tool calls, or usage. */
  default void onChunk(ChatChunk chunk) {}

  /** An attempt failed and another will follow ({@code error.recoverable()} is true). */
  default void onRetry(LlmError error) {}

  /**
   * A fallback member's availability changed. The one event that may follow the terminal event: a
   * recovery probe this request started can bring its member back after the request ended.
   */
  default void onAvailabilityChanged(AvailabilityChanged change) {}

  /**
   * What the provider keeps of this conversation changed: store {@code state} in place of the state
   * the request carried, and pass it with the next request of the conversation. Null means the
   * provider holds nothing usable any more (drop the stored state). Arrives before the terminal
   * callback, possibly more than once (the last one wins), and also before {@code onError} when the
   * provider's side changed although the generation failed (items added to a provider conversation).
   * Connectors that keep nothing never call it.
   */
  default void onProviderState(ProviderState state) {}

  /**
   * The generation ended normally or was cancelled.
   *
   * @param metrics the generation's metrics, or null when no chunk ever arrived
   */
  void onComplete(LlmMetrics metrics);

  /** The generation failed for good ({@code error.recoverable()} is false). No metrics follow. */
  void onError(LlmError error);
}
