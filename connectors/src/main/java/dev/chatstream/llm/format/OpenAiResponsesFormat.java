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
import java.util.ArrayList;
import java.util.List;

/**
 * OpenAI Responses API {@code input} items: per group the message {@code {"role", "content": [...]}},
 * then {@code function_call} items, then {@code function_call_output} items ({@code is_error} is not
 * sent). Content is the {@code input_image} parts followed by one text part: {@code input_text}, or
 * {@code output_text} for assistant messages, the only text type the API accepts from the assistant.
 */
final class OpenAiResponsesFormat {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private OpenAiResponsesFormat() {}

  static FormattedContext format(List<ChatItem> items) {
    ArrayNode input = JSON.arrayNode();
    for (FormattedItem item : sourced(items)) {
      input.add(item.json());
    }
    return FormattedContext.inline(input);
  }

  /** The same input elements, each with the id of the item it came from. */
  static List<FormattedItem> sourced(List<ChatItem> items) {
    List<FormattedItem> input = new ArrayList<>();
    for (ItemGroup group : ItemGrouping.group(items)) {
      if (group.message() != null) {
        input.add(new FormattedItem(group.message().id(), message(group.message())));
      }
      for (FunctionCall call : group.calls()) {
        input.add(new FormattedItem(call.id(), JSON.objectNode()
            .put("type", "function_call")
            .put("call_id", call.callId())
            .put("name", call.name())
            .put("arguments", call.arguments())));
      }
      for (FunctionCallOutput output : group.outputs()) {
        input.add(new FormattedItem(output.id(), JSON.objectNode()
            .put("type", "function_call_output")
            .put("call_id", output.callId())
            .put("output", output.output())));
      }
    }
    return input;
  }

  private static ObjectNode message(ChatMessage message) {
    boolean assistant = message.role() == ChatRole.ASSISTANT;
    List<ImageContent> images = InlineContent.images(message);
    if (assistant && !images.isEmpty()) {
      throw new ProviderFormatException("assistant message " + message.id()
          + " has images, which the Responses API accepts only from users and instructions");
    }
    ObjectNode node = JSON.objectNode().put("role", message.role().wireName());
    ArrayNode content = node.putArray("content");
    for (ImageContent image : images) {
      content.addObject()
          .put("type", "input_image")
          .put("image_url", ImageSource.of(image).url())
          .put("detail", image.inferenceDetail().wireName());
    }
    String text = InlineContent.text(message);
    if (!text.isEmpty() || images.isEmpty()) {
      content.addObject().put("type", assistant ? "output_text" : "input_text").put("text", text);
    }
    return node;
  }
}
