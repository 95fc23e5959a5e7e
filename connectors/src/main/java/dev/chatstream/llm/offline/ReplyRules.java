package dev.chatstream.llm.offline;

import dev.chatstream.llm.LlmRequest;
import dev.chatstream.llm.chat.ChatItem;
import dev.chatstream.llm.chat.ChatMessage;
import dev.chatstream.llm.chat.ChatRole;
import dev.chatstream.llm.chat.FunctionCall;
import dev.chatstream.llm.chat.FunctionCallOutput;
import dev.chatstream.llm.stream.FunctionToolCall;
import dev.chatstream.llm.tools.ToolChoice;
import dev.chatstream.llm.tools.ToolDefinition;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The offline provider's rules, first match wins: trailing function outputs are reported; a tool the
 * request offers and the last user message names (or that tool_choice forces) is called; otherwise the
 * last user message is echoed. Text replies start with {@value #MARKER} and are cut to
 * {@code max_tokens} words.
 */
final class ReplyRules {
  /** Starts every text reply, so no one mistakes it for a model's answer. */
  static final String MARKER = "[offline provider]";

  private ReplyRules() {}

  /**
   * The reply to {@code request}.
   *
   * @throws IllegalArgumentException when the request is malformed (duplicate tool names, a forced
   *     tool that is not offered, a bad {@code max_tokens})
   */
  static OfflineReply decide(LlmRequest request) {
    int maxWords = MaxTokens.of(request.extraOptions());
    requireUniqueNames(request.tools());
    List<ChatItem> items = request.context().items();
    List<FunctionCallOutput> outputs = trailingOutputs(items);
    if (!outputs.isEmpty()) {
      return text(describe(outputs, items), maxWords);
    }
    String userText = lastUserText(items);
    Optional<FunctionToolCall> call = toolCall(request, userText);
    if (call.isPresent()) {
      return new OfflineReply.Call(call.get());
    }
    return text(userText == null ? "There is no user text to answer." : "You said: " + userText, maxWords);
  }

  private static OfflineReply text(String sentence, int maxWords) {
    List<String> words = Words.of(MARKER + " " + sentence);
    return new OfflineReply.Text(words.subList(0, Math.min(maxWords, words.size())));
  }

  private static Optional<FunctionToolCall> toolCall(LlmRequest request, String userText) {
    List<ToolDefinition> tools = request.tools();
    ToolChoice choice = request.toolChoice();
    if (tools.isEmpty() || ToolChoice.NONE.equals(choice)) {
      return Optional.empty();
    }
    ToolDefinition tool;
    ToolMention mention;
    if (choice instanceof ToolChoice.Function forced) {
      tool = named(tools, forced.name());
      mention = ToolMention.of(tool, userText).orElse(null);
    } else {
      mention = ToolMention.first(tools, userText).orElse(null);
      tool = mention != null ? mention.tool() : ToolChoice.REQUIRED.equals(choice) ? tools.get(0) : null;
    }
    if (tool == null) {
      return Optional.empty();
    }
    String arguments = ToolArguments.build(tool.parameters(), userText, mention);
    return Optional.of(FunctionToolCall.of(tool.name(), arguments, callId(request.requestId())));
  }

  /** {@code call_offline_} and the request id, with characters other than letters, digits, - and _ as _. */
  static String callId(String requestId) {
    return "call_offline_" + requestId.replaceAll("[^A-Za-z0-9_-]", "_");
  }

  private static ToolDefinition named(List<ToolDefinition> tools, String name) {
    for (ToolDefinition tool : tools) {
      if (tool.name().equals(name)) {
        return tool;
      }
    }
    throw new IllegalArgumentException("tool_choice names '" + name + "', which is not among the request's tools");
  }

  private static void requireUniqueNames(List<ToolDefinition> tools) {
    Set<String> names = new HashSet<>();
    for (ToolDefinition tool : tools) {
      if (!names.add(tool.name())) {
        throw new IllegalArgumentException("duplicate tool name '" + tool.name() + "'");
      }
    }
  }

  private static List<FunctionCallOutput> trailingOutputs(List<ChatItem> items) {
    int start = items.size();
    while (start > 0 && items.get(start - 1) instanceof FunctionCallOutput) {
      start--;
    }
    List<FunctionCallOutput> outputs = new ArrayList<>();
    for (ChatItem item : items.subList(start, items.size())) {
      outputs.add((FunctionCallOutput) item);
    }
    return outputs;
  }

  private static String describe(List<FunctionCallOutput> outputs, List<ChatItem> items) {
    List<String> sentences = new ArrayList<>();
    for (FunctionCallOutput output : outputs) {
      String name = output.name().isEmpty() ? callName(output.callId(), items) : output.name();
      String tool = name == null ? "The tool" : "The " + name + " tool";
      sentences.add(tool + (output.isError() ? " failed: " : " returned: ") + output.output());
    }
    return String.join(" ", sentences);
  }

  private static String callName(String callId, List<ChatItem> items) {
    for (ChatItem item : items) {
      if (item instanceof FunctionCall call && call.callId().equals(callId)) {
        return call.name();
      }
    }
    return null;
  }

  private static String lastUserText(List<ChatItem> items) {
    for (int i = items.size() - 1; i >= 0; i--) {
      if (items.get(i) instanceof ChatMessage message && message.role() == ChatRole.USER) {
        String text = message.textContent();
        return text == null || text.isBlank() ? null : text;
      }
    }
    return null;
  }
}
