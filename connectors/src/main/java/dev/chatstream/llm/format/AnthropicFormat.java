package dev.chatstream.llm.format;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chatstream.llm.chat.ChatItem;
import dev.chatstream.llm.chat.FunctionCall;
import dev.chatstream.llm.chat.FunctionCallOutput;
import dev.chatstream.llm.chat.ImageContent;
import dev.chatstream.llm.format.internal.ArgumentsJson;
import dev.chatstream.llm.format.internal.ImageSource;
import java.util.List;

/**
 * Anthropic Messages: consecutive items of the same role merge into one message (assistant for
 * assistant messages and calls, user otherwise); the system prompt goes apart; calls become
 * {@code tool_use} blocks and outputs {@code tool_result} blocks.
 */
final class AnthropicFormat extends AssistantUserParts {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final AnthropicFormat PARTS = new AnthropicFormat();

  private AnthropicFormat() {}

  static FormattedContext format(List<ChatItem> items, FormatOptions options) {
    return format(items, options, PARTS);
  }

  @Override
  public ObjectNode call(FunctionCall call) {
    ObjectNode block = JSON.objectNode()
        .put("type", "tool_use")
        .put("id", call.callId())
        .put("name", call.name());
    block.set("input", ArgumentsJson.parseObject(call));
    return block;
  }

  @Override
  public ObjectNode output(FunctionCallOutput output) {
    return JSON.objectNode()
        .put("type", "tool_result")
        .put("tool_use_id", output.callId())
        .put("content", output.output())
        .put("is_error", output.isError());
  }

  @Override
  ObjectNode text(String text) {
    return JSON.objectNode().put("type", "text").put("text", text);
  }

  @Override
  ObjectNode image(ImageContent image) {
    ObjectNode block = JSON.objectNode().put("type", "image");
    ObjectNode source = block.putObject("source");
    switch (ImageSource.of(image)) {
      case ImageSource.External external -> source.put("type", "url").put("url", external.url());
      case ImageSource.Inline inline -> source.put("type", "base64")
          .put("media_type", inline.mimeType())
          .put("data", inline.base64Data());
    }
    return block;
  }
}
