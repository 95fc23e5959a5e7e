package dev.chatstream.llm.openai.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chatstream.llm.LlmRequest;
import dev.chatstream.llm.chat.ChatContext;

/** Writes a conversation and its tools in the Chat Completions format. */
interface ChatFormatter {

  /** The {@code messages} array of {@code context}. */
  ArrayNode messages(ChatContext context);

  /** Writes {@code tools}, {@code tool_choice} and {@code parallel_tool_calls} into {@code body}. */
  void applyTools(ObjectNode body, LlmRequest request);
}
