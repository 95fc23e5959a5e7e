package dev.chatstream.llm.internal.retry;

import dev.chatstream.llm.stream.ChatChunk;
import java.time.Duration;

/** What an {@link Attempt} may see and do: its timeout, emitting chunks, and cancellation. */
public interface AttemptContext {

  /** The connect and read timeout of this attempt (zero: none). */
  Duration timeout();

  /** Delivers a chunk to the listener, unless the stream was cancelled. */
  void emit(ChatChunk chunk);

  /** True once the stream was cancelled: the attempt should stop. */
  boolean cancelled();

  /**
   * Registers what stops this attempt's I/O at once (such as {@code call::cancel}). Runs it right away
   * when the stream is already cancelled.
   */
  void onCancel(Runnable action);
}
