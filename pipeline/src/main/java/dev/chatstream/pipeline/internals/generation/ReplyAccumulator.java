package dev.chatstream.pipeline.internals.generation;

import dev.chatstream.llm.chat.ChatContent;
import dev.chatstream.llm.chat.ChatMessage;
import dev.chatstream.llm.chat.ChatRole;
import dev.chatstream.llm.chat.FunctionCall;
import dev.chatstream.llm.chat.ItemIds;
import dev.chatstream.llm.chat.TextContent;
import dev.chatstream.llm.stream.ChatChunk;
import dev.chatstream.llm.stream.CompletionUsage;
import dev.chatstream.llm.stream.FunctionToolCall;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Collects the chunks of one generation attempt into the items the reply adds to the conversation:
 * the assistant message {@code M} (when it has text) and its function calls {@code M/fnc_0},
 * {@code M/fnc_1}, ... Lives on the stream thread.
 */
public final class ReplyAccumulator {
  private static final String FINISH_REASON = "finish_reason";

  private final String messageId;
  private final double createdAt;
  private final StringBuilder text = new StringBuilder();
  private final List<FunctionToolCall> toolCalls = new ArrayList<>();
  private CompletionUsage usage;
  private String reportedFinishReason;

  /**
   * @param messageId the id of the assistant message this reply becomes
   * @param createdAt the time stamped on the reply's items, in seconds
   */
  public ReplyAccumulator(String messageId, double createdAt) {
    this.messageId = messageId;
    this.createdAt = createdAt;
  }

  /** Adds what a chunk carries: text, tool calls, usage. */
  public void add(ChatChunk chunk) {
    if (chunk.delta() != null) {
      if (chunk.delta().content() != null) {
        text.append(chunk.delta().content());
      }
      toolCalls.addAll(chunk.delta().toolCalls());
      if (chunk.delta().extra().get(FINISH_REASON) instanceof String reason) {
        reportedFinishReason = reason;
      }
    }
    if (chunk.usage() != null) {
      usage = chunk.usage();
    }
  }

  /** True once any text or tool call arrived. */
  public boolean hasResponse() {
    return !text.isEmpty() || !toolCalls.isEmpty();
  }

  /** The assistant message, or null when the reply has no text. */
  public ChatMessage message(boolean interrupted) {
    if (text.isEmpty()) {
      return null;
    }
    List<ChatContent> content = List.of(new TextContent(text.toString()));
    return new ChatMessage(messageId, ChatRole.ASSISTANT, content, interrupted, null, Map.of(), createdAt);
  }

  /** The function calls, with ids {@code M/fnc_i}, in the order they arrived. */
  public List<FunctionCall> functionCalls() {
    List<FunctionCall> calls = new ArrayList<>(toolCalls.size());
    for (int i = 0; i < toolCalls.size(); i++) {
      FunctionToolCall call = toolCalls.get(i);
      calls.add(new FunctionCall(
          ItemIds.functionCallId(messageId, i), call.callId(), call.name(), call.arguments(),
          createdAt, call.extra(), null));
    }
    return calls;
  }

  /** The last usage reported, or null. */
  public CompletionUsage usage() {
    return usage;
  }

  /**
   * {@code cancelled} when cut short; the reason a connector gave in a chunk's
   * {@code extra.finish_reason} ({@code length}, {@code content_filter}: a Responses reply that ended
   * incomplete); {@code tool_calls} when the reply asked for tools; else {@code stop}.
   */
  public String finishReason(boolean cancelled) {
    if (cancelled) {
      return "cancelled";
    }
    if (reportedFinishReason != null) {
      return reportedFinishReason;
    }
    return toolCalls.isEmpty() ? "stop" : "tool_calls";
  }
}
