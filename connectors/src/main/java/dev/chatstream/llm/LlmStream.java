package dev.chatstream.llm;

/** A running generation. Returned at once by {@link LlmProvider#chat}; events go to its listener. */
public interface LlmStream {

  /**
   * Stops the generation: closes the HTTP stream at once, then completes the listener with metrics
   * marked {@code cancelled} (or no metrics when nothing had arrived). Idempotent; a no-op once the
   * stream has ended.
   */
  void cancel();

  /** True once the listener has received {@code onComplete} or {@code onError}. */
  boolean isDone();
}
