package dev.chatstream.llm.format;

import dev.chatstream.llm.chat.ChatMessage;
import dev.chatstream.llm.chat.ImageContent;
import java.util.List;

/**
 * The view of a message's content shared by the formats that send one text part (openai,
 * openai.responses, mistralai): its images, then its text parts joined by {@code \n}. Audio is
 * dropped.
 */
final class InlineContent {
  private InlineContent() {}

  /** The message's images, in order. */
  static List<ImageContent> images(ChatMessage message) {
    return message.content().stream()
        .filter(ImageContent.class::isInstance)
        .map(ImageContent.class::cast)
        .toList();
  }

  /** The text parts joined by {@code \n}; {@code ""} when there are none. */
  static String text(ChatMessage message) {
    String text = message.textContent();
    return text == null ? "" : text;
  }
}
