package dev.chatstream.llm.format;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chatstream.llm.chat.ChatItem;
import dev.chatstream.llm.chat.ChatMessage;
import dev.chatstream.llm.chat.ChatRole;
import dev.chatstream.llm.chat.FunctionCall;
import dev.chatstream.llm.chat.FunctionCallOutput;
import dev.chatstream.llm.chat.ImageContent;
import dev.chatstream.llm.format.internal.ImageSource;
import java.util.List;

/**
 * Mistral Conversations API {@code inputs} entries: {@code message.input} for user messages,
 * {@code message.output} for assistant messages, {@code function.call} and {@code function.result}.
 * System and developer texts go to {@code instructions}; the last one wins.
 *
 * <p>Message content is the text as a string, or, when the message has images, the
 * {@code image_url} chunks followed by one {@code text} chunk.
 */
final class MistralFormat {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private MistralFormat() {}

  static FormattedContext format(List<ChatItem> items) {
    ArrayNode entries = JSON.arrayNode();
    String instructions = null;
    for (ItemGroup group : ItemGrouping.group(items)) {
      for (ChatItem item : group.items()) {
        switch (item) {
          case ChatMessage message when message.role().isInstruction() ->
              instructions = InlineContent.text(message);
          case ChatMessage message -> entries.add(message(message));
          case FunctionCall call -> entries.addObject()
              .put("type", "function.call")
              .put("tool_call_id", call.callId())
              .put("name", call.name())
              .put("arguments", call.arguments());
          case FunctionCallOutput output -> entries.addObject()
              .put("type", "function.result")
              .put("tool_call_id", output.callId())
              .put("result", output.output());
        }
      }
    }
    return new FormattedContext(entries, List.of(), instructions);
  }

  private static ObjectNode message(ChatMessage message) {
    boolean assistant = message.role() == ChatRole.ASSISTANT;
    ObjectNode entry = JSON.objectNode()
        .put("type", assistant ? "message.output" : "message.input")
        .put("role", assistant ? "assistant" : "user");
    String text = InlineContent.text(message);
    List<ImageContent> images = InlineContent.images(message);
    if (images.isEmpty()) {
      return entry.put("content", text);
    }
    ArrayNode content = entry.putArray("content");
    for (ImageContent image : images) {
      content.addObject().put("type", "image_url").put("image_url", ImageSource.of(image).url());
    }
    if (!text.isEmpty()) {
      content.addObject().put("type", "text").put("text", text);
    }
    return entry;
  }
}
