package dev.chatstream.pipeline.internals.generation;

import dev.chatstream.llm.LlmMetrics;
import dev.chatstream.llm.chat.ChatItem;
import dev.chatstream.llm.chat.ChatMessage;
import dev.chatstream.llm.chat.FunctionCall;
import dev.chatstream.pipeline.internals.state.AppendOutcome;
import dev.chatstream.pipeline.internals.state.ConversationStore;
import java.util.List;

/**
 * What happens when a generation ends normally or is cancelled: the calls go out as function-call
 * events, then the {@code ReplyCompleted}; then its message and function calls join the context (and
 * the log, as generated items), and the metrics go out.
 */
final class ReplyCompletion {
  private final ConversationStore conversations;
  private final OutputSink sink;
  private final PipelineErrors errors;

  ReplyCompletion(ConversationStore conversations, OutputSink sink, PipelineErrors errors) {
    this.conversations = conversations;
    this.sink = sink;
    this.errors = errors;
  }

  /**
   * Completes {@code generation}.
   *
   * @return the reply's function calls when the tool loop should wait for their outputs, else none
   */
  List<FunctionCall> complete(ActiveGeneration generation, LlmMetrics metrics) {
    boolean cancelled = generation.isCancelled() || (metrics != null && metrics.cancelled());
    ReplyAccumulator reply = generation.reply();
    ChatMessage message = reply.message(cancelled);
    List<FunctionCall> calls = reply.functionCalls();
    calls.forEach(call -> sink.functionCall(generation, call));
    sink.replyCompleted(generation, message, calls, reply.usage(), reply.finishReason(cancelled), cancelled);
    // stored after the reply went out: a restart that finds them knows the reply was sent (AnsweredRequests)
    if (message != null) {
      store(generation, message);
    }
    calls.forEach(call -> store(generation, call));
    if (metrics != null) {
      sink.metrics(generation, metrics);
    }
    return !cancelled && generation.request().autoToolReply() ? calls : List.of();
  }

  private void store(ActiveGeneration generation, ChatItem item) {
    String conversationId = generation.handle().conversationId();
    AppendOutcome outcome = conversations.append(conversationId, item);
    if (outcome instanceof AppendOutcome.LimitExceeded(String reason)) {
      sink.error(generation, errors.replyItemNotStored(item.id(), reason));
      return;
    }
    if (outcome == AppendOutcome.APPENDED) {
      sink.generatedItem(conversationId, item);
    }
  }
}
