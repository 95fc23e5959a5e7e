package dev.chatstream.llm.chat;

import static dev.chatstream.llm.chat.TestItems.assistant;
import static dev.chatstream.llm.chat.TestItems.call;
import static dev.chatstream.llm.chat.TestItems.developer;
import static dev.chatstream.llm.chat.TestItems.ids;
import static dev.chatstream.llm.chat.TestItems.output;
import static dev.chatstream.llm.chat.TestItems.system;
import static dev.chatstream.llm.chat.TestItems.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class ChatContextTruncateTest {

  @Test
  void truncateIsANoOpWhenTheContextFits() {
    ChatContext context = ChatContext.of(call("c", "f", 0), user("u", 1));

    ChatContext result = context.truncate(2);

    assertSame(context, result);
    assertEquals(List.of("c", "u"), ids(context));
  }

  @Test
  void truncateKeepsTheLastItemsInOrder() {
    ChatContext context = ChatContext.of(user("u1", 1), assistant("a1", 2), user("u2", 3), assistant("a2", 4));

    context.truncate(2);

    assertEquals(List.of("u2", "a2"), ids(context));
  }

  @Test
  void truncateKeepsFirstSystemInstruction() {
    ChatContext context = ChatContext.of(
        system("sys", 0), user("u1", 1), system("sys2", 2), user("u2", 3), assistant("a2", 4));

    context.truncate(2);

    assertEquals(List.of("sys", "u2", "a2"), ids(context));
  }

  @Test
  void truncateKeepsFirstDeveloperInstruction() {
    ChatContext context = ChatContext.of(
        user("u0", 0), developer("dev", 1), user("u1", 2), assistant("a1", 3), user("u2", 4));

    context.truncate(2);

    assertEquals(List.of("dev", "a1", "u2"), ids(context));
  }

  @Test
  void truncateDoesNotDuplicateAnInstructionAlreadyKept() {
    ChatContext context = ChatContext.of(user("u0", 0), user("u1", 1), system("sys", 2), user("u2", 3));

    context.truncate(2);

    assertEquals(List.of("sys", "u2"), ids(context));
  }

  @Test
  void truncateLeavesAKeptInstructionWhereItIs() {
    ChatContext context = ChatContext.of(user("u0", 0), user("u1", 1), developer("dev", 2), user("u2", 3));

    context.truncate(3);

    assertEquals(List.of("u1", "dev", "u2"), ids(context));
  }

  @Test
  void truncateDropsLeadingFunctionItems() {
    ChatContext context = ChatContext.of(
        user("u1", 1), call("c1", "f", 2), output("o1", "f", 3), call("c2", "f", 4), assistant("a", 5));

    context.truncate(3);

    assertEquals(List.of("a"), ids(context));
  }

  @Test
  void truncateKeepsFunctionItemsAfterTheFirstMessage() {
    ChatContext context = ChatContext.of(
        user("u0", 0), call("c0", "f", 1), user("u1", 2), call("c1", "f", 3), output("o1", "f", 4));

    context.truncate(3);

    assertEquals(List.of("u1", "c1", "o1"), ids(context));
  }

  @Test
  void truncatePutsTheInstructionBeforeItemsLeftAfterDroppingFunctions() {
    ChatContext context = ChatContext.of(
        system("sys", 0), user("u", 1), call("c", "f", 2), output("o", "f", 3), assistant("a", 4));

    context.truncate(3);

    assertEquals(List.of("sys", "a"), ids(context));
  }

  @Test
  void truncateToZeroKeepsOnlyTheInstruction() {
    ChatContext withInstruction = ChatContext.of(system("sys", 0), user("u", 1));
    ChatContext withoutInstruction = ChatContext.of(user("u", 1));

    withInstruction.truncate(0);
    withoutInstruction.truncate(0);

    assertEquals(List.of("sys"), ids(withInstruction));
    assertEquals(List.of(), ids(withoutInstruction));
  }

  @Test
  void truncateRejectsNegativeMaximum() {
    ChatContext context = ChatContext.of(user("u", 1));

    IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> context.truncate(-1));

    assertEquals("max items must be >= 0, was -1", error.getMessage());
    assertEquals(1, context.size());
  }
}
