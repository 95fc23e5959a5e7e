package dev.chatstream.pipeline.internals.generation;

import dev.chatstream.llm.AvailabilityChanged;
import dev.chatstream.llm.LlmError;
import dev.chatstream.llm.LlmMetrics;
import dev.chatstream.llm.chat.ChatItem;
import dev.chatstream.llm.chat.ChatMessage;
import dev.chatstream.llm.chat.FunctionCall;
import dev.chatstream.llm.stream.ChatChunk;
import dev.chatstream.llm.stream.CompletionUsage;
import java.util.List;

/**
 * Where the events of a generation go. The pipeline's implementation turns them into Avro records on
 * the output topics, each carrying the conversation id, request id, attempt, sequence and metadata
 * of {@code generation}.
 */
public interface OutputSink {

  /** A chunk of the reply. */
  void chunk(ActiveGeneration generation, ChatChunk chunk);

  /** A function call the reply asked for. */
  void functionCall(ActiveGeneration generation, FunctionCall call);

  /** An error of a running generation (recoverable while retries go on). */
  void error(ActiveGeneration generation, LlmError error);

  /** An error about a request outside a running attempt (a limit reached, an unknown profile). */
  void requestError(String conversationId, ReplyRequest request, LlmError error);

  /** A fallback member became available or unavailable. */
  void availability(ActiveGeneration generation, AvailabilityChanged change);

  /**
   * A fallback member came back after the attempt {@code handle}, which started its recovery probe,
   * had ended: an event of the conversation outside any running generation (attempt 0, sequence 0).
   */
  void availabilityAfterEnd(GenerationHandle handle, AvailabilityChanged change);

  /** The generation's metrics. */
  void metrics(ActiveGeneration generation, LlmMetrics metrics);

  /** The generation ended: its message (or null), calls, usage (or null), finish reason. */
  void replyCompleted(
      ActiveGeneration generation, ChatMessage message, List<FunctionCall> calls, CompletionUsage usage,
      String finishReason, boolean cancelled);

  /** A queued request was cancelled before it started. */
  void cancelledBeforeStart(String conversationId, ReplyRequest request);

  /** An item the pipeline generated, appended to the conversations topic so the log rebuilds the context. */
  void generatedItem(String conversationId, ChatItem item);
}
