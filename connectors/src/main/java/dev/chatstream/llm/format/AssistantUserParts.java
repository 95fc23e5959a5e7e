package dev.chatstream.llm.format;

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
import java.util.ArrayList;
import java.util.List;

/**
 * What Anthropic and Bedrock Converse share: two turn roles (assistant for assistant messages and
 * calls, user otherwise), and a message's parts as text blocks (empty text skipped) and image blocks,
 * audio dropped. Each format supplies its own block shapes.
 */
abstract class AssistantUserParts implements MergedConversation.Parts {

  /**
   * {@code items} merged into turns with {@code parts}' blocks, starting with a user turn holding
   * "(empty)" when the options ask for one and the first turn is not the user's.
   */
  static FormattedContext format(List<ChatItem> items, FormatOptions options, AssistantUserParts parts) {
    MergedConversation conversation = MergedConversation.build(items, "content", parts);
    if (options.injectDummyUserMessage() && conversation.firstRoleIsNot("user")) {
      conversation.insertTurn(0, "user", parts.text("(empty)"));
    }
    return conversation.toFormattedContext();
  }

  /** The format's text block. */
  abstract ObjectNode text(String text);

  /** The format's image block. */
  abstract ObjectNode image(ImageContent image);

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
}
