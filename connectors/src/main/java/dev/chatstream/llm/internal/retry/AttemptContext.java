package dev.chatstream.llm.internal.retry;

import dev.chatstream.llm.LlmException;
import dev.chatstream.llm.state.ProviderState;
import dev.chatstream.llm.stream.ChatChunk;
import java.time.Duration;

/**
 * What an {@link Attempt} may see and do: its timeout, emitting chunks, reporting what it worked
 * around and what the provider now keeps, and cancellation.
 */
public interface AttemptContext {

  /** The connect and read timeout of this attempt (zero: none). */
  Duration timeout();

  /** Delivers a chunk to the listener, unless the stream was cancelled. */
  void emit(ChatChunk chunk);

  /**
   * Publishes a recoverable error event for a failure this attempt works around without ending (such
   * as a refused WebSocket upgrade, after which the attempt streams over HTTP).
   */
  void notice(LlmException problem);

  /** Hands the listener the provider's new state of the conversation (see {@code onProviderState}). */
  void reportState(ProviderState state);

  /** True once the stream was cancelled: the attempt should stop. */
  boolean cancelled();

  /**
   * Registers what stops this attempt's I/O at once (such as {@code call::cancel}). Runs it right away
   * when the stream is already cancelled.
   */
  void onCancel(Runnable action);
}
