package dev.chatstream.llm.format;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chatstream.llm.chat.ChatItem;
import dev.chatstream.llm.chat.ChatMessage;
import dev.chatstream.llm.chat.FunctionCall;
import dev.chatstream.llm.chat.FunctionCallOutput;
import dev.chatstream.llm.chat.ImageContent;
import dev.chatstream.llm.format.internal.ImageSource;
import java.util.List;

/**
 * OpenAI Chat Completions {@code messages}: one message per group (a bare assistant message when the
 * group has none) carrying the group's {@code tool_calls}, followed by one {@code tool} message per
 * output. Roles pass through; nothing is merged or injected; audio is dropped.
 */
final class OpenAiChatFormat {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private OpenAiChatFormat() {}

  static FormattedContext format(List<ChatItem> items) {
    ArrayNode messages = JSON.arrayNode();
    for (ItemGroup group : ItemGrouping.group(items)) {
      if (group.isEmpty()) {
        continue;
      }
      ObjectNode message = group.message() != null
          ? message(group.message())
          : JSON.objectNode().put("role", "assistant");
      if (!group.calls().isEmpty()) {
        ArrayNode toolCalls = message.putArray("tool_calls");
        group.calls().forEach(call -> toolCalls.add(toolCall(call)));
      }
      messages.add(message);
      for (FunctionCallOutput output : group.outputs()) {
        messages.addObject()
            .put("role", "tool")
            .put("tool_call_id", output.callId())
            .put("content", output.output());
      }
    }
    return FormattedContext.inline(messages);
  }

  /**
   * {@code {"role", "content"}}: the text parts joined by {@code \n} as a plain string, or, when the
   * message has images, the {@code image_url} parts followed by one text part.
   */
  private static ObjectNode message(ChatMessage message) {
    ObjectNode node = JSON.objectNode().put("role", message.role().wireName());
    String text = InlineContent.text(message);
    List<ImageContent> images = InlineContent.images(message);
    if (images.isEmpty()) {
      return node.put("content", text);
    }
    ArrayNode content = node.putArray("content");
    for (ImageContent image : images) {
      content.addObject().put("type", "image_url").putObject("image_url")
          .put("url", ImageSource.of(image).url())
          .put("detail", image.inferenceDetail().wireName());
    }
    if (!text.isEmpty()) {
      content.addObject().put("type", "text").put("text", text);
    }
    return node;
  }

  private static ObjectNode toolCall(FunctionCall call) {
    ObjectNode toolCall = JSON.objectNode().put("id", call.callId()).put("type", "function");
    toolCall.putObject("function").put("name", call.name()).put("arguments", call.arguments());
    return toolCall;
  }
}
