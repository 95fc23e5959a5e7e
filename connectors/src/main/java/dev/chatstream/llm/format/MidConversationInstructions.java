package dev.chatstream.llm.format;

import dev.chatstream.llm.chat.ChatItem;
import dev.chatstream.llm.chat.ChatMessage;
import dev.chatstream.llm.chat.ChatRole;
import dev.chatstream.llm.chat.TextContent;
import java.util.ArrayList;
import java.util.List;

/**
 * For providers that take one system prompt (anthropic, google, aws): the first system or developer
 * message stays; every later one becomes a user message {@code <instructions>\n{text}\n</instructions>}
 * with the same id and creation time.
 */
final class MidConversationInstructions {
  private MidConversationInstructions() {}

  /** {@code items} with every instruction after the first rewritten as a user message. */
  static List<ChatItem> asUserMessages(List<ChatItem> items) {
    List<ChatItem> rewritten = new ArrayList<>(items.size());
    boolean seenFirst = false;
    for (ChatItem item : items) {
      if (item instanceof ChatMessage message && message.role().isInstruction()) {
        rewritten.add(seenFirst ? asUserMessage(message) : message);
        seenFirst = true;
      } else {
        rewritten.add(item);
      }
    }
    return rewritten;
  }

  private static ChatMessage asUserMessage(ChatMessage instruction) {
    String text = instruction.textContent() == null ? "" : instruction.textContent();
    return new ChatMessage(
        instruction.id(),
        ChatRole.USER,
        List.of(new TextContent("<instructions>\n" + text + "\n</instructions>")),
        instruction.interrupted(),
        instruction.transcriptConfidence(),
        instruction.extra(),
        instruction.createdAt());
  }
}
