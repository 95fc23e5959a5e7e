package dev.chatstream.llm.format;

import static dev.chatstream.llm.format.Items.assistant;
import static dev.chatstream.llm.format.Items.developer;
import static dev.chatstream.llm.format.Items.system;
import static dev.chatstream.llm.format.Items.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.chatstream.llm.chat.ChatItem;
import dev.chatstream.llm.chat.ChatMessage;
import dev.chatstream.llm.chat.ChatRole;
import java.util.List;
import org.junit.jupiter.api.Test;

class MidConversationInstructionsTest {

  @Test
  void keepsTheFirstInstructionAsItIs() {
    ChatMessage first = developer("d", 1, "be nice");
    List<ChatItem> items = MidConversationInstructions.asUserMessages(List.of(first, user("u", 2, "hi")));

    assertSame(first, items.get(0));
  }

  @Test
  void turnsLaterInstructionsIntoUserMessagesWithTheSameIdAndTime() {
    List<ChatItem> items = MidConversationInstructions.asUserMessages(List.of(
        system("s", 1, "be nice"),
        user("u", 2, "hi"),
        assistant("a", 3, "hello"),
        developer("d", 4, "speak French", "be brief"),
        system("s2", 5, "no emojis")));

    ChatMessage developer = (ChatMessage) items.get(3);
    assertEquals("d", developer.id());
    assertEquals(4.0, developer.createdAt());
    assertEquals(ChatRole.USER, developer.role());
    assertEquals("<instructions>\nspeak French\nbe brief\n</instructions>", developer.textContent());
    ChatMessage system = (ChatMessage) items.get(4);
    assertEquals(ChatRole.USER, system.role());
    assertEquals("<instructions>\nno emojis\n</instructions>", system.textContent());
  }

  @Test
  void leavesOtherItemsInPlace() {
    List<ChatItem> original = List.of(user("u", 1, "hi"), system("s", 2, "late first"), assistant("a", 3, "x"));

    assertEquals(original, MidConversationInstructions.asUserMessages(original));
  }
}
