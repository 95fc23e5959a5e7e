package dev.chatstream.llm.format;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chatstream.llm.chat.AudioContent;
import dev.chatstream.llm.chat.ChatContent;
import dev.chatstream.llm.chat.ChatItem;
import dev.chatstream.llm.chat.ChatMessage;
import dev.chatstream.llm.chat.ChatRole;
import dev.chatstream.llm.chat.FunctionCall;
import dev.chatstream.llm.chat.FunctionCallOutput;
import dev.chatstream.llm.chat.ImageContent;
import dev.chatstream.llm.chat.TextContent;
import dev.chatstream.llm.format.internal.ArgumentsJson;
import dev.chatstream.llm.format.internal.ImageSource;
import java.util.ArrayList;
import java.util.List;

/**
 * Anthropic Messages: consecutive items of the same role merge into one message (assistant for
 * assistant messages and calls, user otherwise); the system prompt goes apart; calls become
 * {@code tool_use} blocks and outputs {@code tool_result} blocks.
 */
final class AnthropicFormat implements MergedConversation.Parts {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final AnthropicFormat PARTS = new AnthropicFormat();

  private AnthropicFormat() {}

  static FormattedContext format(List<ChatItem> items, FormatOptions options) {
    MergedConversation conversation = MergedConversation.build(items, "content", PARTS);
    if (options.injectDummyUserMessage() && conversation.firstRoleIsNot("user")) {
      conversation.insertTurn(0, "user", text("(empty)"));
    }
    return conversation.toFormattedContext();
  }

  @Override
  public String role(ChatItem item) {
    return switch (item) {
      case ChatMessage message -> message.role() == ChatRole.ASSISTANT ? "assistant" : "user";
      case FunctionCall call -> "assistant";
      case FunctionCallOutput output -> "user";
    };
  }

  @Override
  public List<ObjectNode> message(ChatMessage message) {
    List<ObjectNode> blocks = new ArrayList<>();
    for (ChatContent part : message.content()) {
      switch (part) {
        case TextContent(String text) when text.isEmpty() -> { }
        case TextContent(String text) -> blocks.add(text(text));
        case ImageContent image -> blocks.add(image(image));
        case AudioContent audio -> { }
      }
    }
    return blocks;
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

  private static ObjectNode text(String text) {
    return JSON.objectNode().put("type", "text").put("text", text);
  }

  private static ObjectNode image(ImageContent image) {
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
