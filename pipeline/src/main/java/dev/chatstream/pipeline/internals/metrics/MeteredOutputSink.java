package dev.chatstream.pipeline.internals.metrics;

import dev.chatstream.llm.AvailabilityChanged;
import dev.chatstream.llm.LlmError;
import dev.chatstream.llm.LlmMetrics;
import dev.chatstream.llm.chat.ChatItem;
import dev.chatstream.llm.chat.ChatMessage;
import dev.chatstream.llm.chat.FunctionCall;
import dev.chatstream.llm.stream.ChatChunk;
import dev.chatstream.llm.stream.CompletionUsage;
import dev.chatstream.pipeline.internals.generation.ActiveGeneration;
import dev.chatstream.pipeline.internals.generation.GenerationHandle;
import dev.chatstream.pipeline.internals.generation.OutputSink;
import dev.chatstream.pipeline.internals.generation.PipelineErrors;
import dev.chatstream.pipeline.internals.generation.ReplyRequest;
import java.util.List;

/**
 * An output sink that records a generation's meters from the events it passes on: its metrics when it
 * ends, its provider errors (retried or final) and fallback availability changes. Chunks pass straight
 * through.
 */
public final class MeteredOutputSink implements OutputSink {
  private final OutputSink delegate;
  private final PipelineMeters meters;

  /** Passes every event to {@code delegate}, recording into {@code meters}. */
  public MeteredOutputSink(OutputSink delegate, PipelineMeters meters) {
    this.delegate = delegate;
    this.meters = meters;
  }

  @Override
  public void chunk(ActiveGeneration generation, ChatChunk chunk) {
    delegate.chunk(generation, chunk);
  }

  @Override
  public void functionCall(ActiveGeneration generation, FunctionCall call) {
    delegate.functionCall(generation, call);
  }

  @Override
  public void error(ActiveGeneration generation, LlmError error) {
    delegate.error(generation, error);
    if (!PipelineErrors.LABEL.equals(error.label())) {
      meters.providerError(generation, error);
    }
  }

  @Override
  public void requestError(String conversationId, ReplyRequest request, LlmError error) {
    delegate.requestError(conversationId, request, error);
  }

  @Override
  public void availability(ActiveGeneration generation, AvailabilityChanged change) {
    delegate.availability(generation, change);
    meters.availability(change);
  }

  @Override
  public void availabilityAfterEnd(GenerationHandle handle, AvailabilityChanged change) {
    delegate.availabilityAfterEnd(handle, change);
    meters.availability(change);
  }

  @Override
  public void metrics(ActiveGeneration generation, LlmMetrics metrics) {
    delegate.metrics(generation, metrics);
    meters.completed(generation, metrics);
  }

  @Override
  public void replyCompleted(ActiveGeneration generation, ChatMessage message, List<FunctionCall> calls,
      CompletionUsage usage, String finishReason, boolean cancelled) {
    delegate.replyCompleted(generation, message, calls, usage, finishReason, cancelled);
  }

  @Override
  public void cancelledBeforeStart(String conversationId, ReplyRequest request) {
    delegate.cancelledBeforeStart(conversationId, request);
  }

  @Override
  public void generatedItem(String conversationId, ChatItem item) {
    delegate.generatedItem(conversationId, item);
  }
}
