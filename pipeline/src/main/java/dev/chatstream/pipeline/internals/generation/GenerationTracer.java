package dev.chatstream.pipeline.internals.generation;

import dev.chatstream.llm.LlmProvider;
import dev.chatstream.llm.LlmRequest;
import dev.chatstream.llm.LlmStreamListener;

/**
 * Traces generation attempts. {@link #NONE}, the tracer when tracing is off, does nothing: the
 * listener goes to the provider as it is and no record header is read.
 */
public interface GenerationTracer {
  /** No tracing. */
  GenerationTracer NONE = new GenerationTracer() {
    @Override
    public boolean enabled() {
      return false;
    }

    @Override
    public LlmStreamListener started(ActiveGeneration generation, LlmProvider provider, LlmRequest request,
        LlmStreamListener listener) {
      return listener;
    }
  };

  /** True when generations are traced, so the trace context of input records is worth reading. */
  boolean enabled();

  /**
   * {@code generation} is about to start on {@code provider} with {@code request}, reporting to
   * {@code listener}; returns the listener to hand the provider instead (on the stream thread).
   */
  LlmStreamListener started(ActiveGeneration generation, LlmProvider provider, LlmRequest request,
      LlmStreamListener listener);
}
