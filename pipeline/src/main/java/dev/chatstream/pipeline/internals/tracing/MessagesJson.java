package dev.chatstream.pipeline.internals.tracing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chatstream.llm.chat.ChatContext;
import dev.chatstream.llm.chat.ChatItem;
import dev.chatstream.llm.chat.ChatMessage;
import dev.chatstream.llm.chat.FunctionCall;
import dev.chatstream.llm.chat.FunctionCallOutput;
import dev.chatstream.llm.internal.json.Json;
import dev.chatstream.llm.stream.FunctionToolCall;
import java.util.List;

/**
 * The prompt and the reply in the JSON shape of the GenAI conventions' {@code gen_ai.input.messages}
 * and {@code gen_ai.output.messages}: messages with a role and parts (text, tool calls, tool call
 * responses). Only written when {@code tracing.content.enabled} is set.
 */
final class MessagesJson {
  private static final ObjectMapper JSON = Json.mapper();

  private MessagesJson() {}

  /** The context sent to the provider. */
  static String input(ChatContext context) {
    ArrayNode messages = JSON.createArrayNode();
    for (ChatItem item : context.items()) {
      switch (item) {
        case ChatMessage message -> {
          ObjectNode node = message(messages, message.role().wireName());
          String content = message.textContent();
          if (content != null && !content.isEmpty()) {
            text(node, content);
          }
        }
        case FunctionCall call -> toolCall(message(messages, "assistant"), call.callId(), call.name(), call.arguments());
        case FunctionCallOutput output -> ((ArrayNode) message(messages, "tool").get("parts")).addObject()
            .put("type", "tool_call_response").put("id", output.callId()).put("response", output.output());
      }
    }
    return messages.toString();
  }

  /** The reply: its text and tool calls, with its finish reason. */
  static String output(String content, List<FunctionToolCall> calls, String finishReason) {
    ArrayNode messages = JSON.createArrayNode();
    ObjectNode message = message(messages, "assistant");
    if (!content.isEmpty()) {
      text(message, content);
    }
    for (FunctionToolCall call : calls) {
      toolCall(message, call.callId(), call.name(), call.arguments());
    }
    message.put("finish_reason", finishReason);
    return messages.toString();
  }

  private static ObjectNode message(ArrayNode messages, String role) {
    ObjectNode message = messages.addObject().put("role", role);
    message.putArray("parts");
    return message;
  }

  private static void text(ObjectNode message, String content) {
    ((ArrayNode) message.get("parts")).addObject().put("type", "text").put("content", content);
  }

  private static void toolCall(ObjectNode message, String id, String name, String arguments) {
    ((ArrayNode) message.get("parts")).addObject().put("type", "tool_call").put("id", id).put("name", name)
        .put("arguments", arguments);
  }
}
