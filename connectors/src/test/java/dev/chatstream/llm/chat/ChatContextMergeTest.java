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

import java.util.List;
import org.junit.jupiter.api.Test;

class ChatContextMergeTest {

  @Test
  void mergeInsertsNewItemsByTime() {
    ChatContext context = ChatContext.of(user("u1", 1), user("u3", 3));

    ChatContext result = context.merge(ChatContext.of(assistant("a4", 4), assistant("a2", 2)));

    assertSame(context, result);
    assertEquals(List.of("u1", "a2", "u3", "a4"), ids(context));
  }

  @Test
  void mergeSkipsItemsWhoseIdIsPresent() {
    ChatMessage mine = TestItems.message("same", ChatRole.USER, "mine", 1);
    ChatContext context = ChatContext.of(mine);

    context.merge(ChatContext.of(TestItems.message("same", ChatRole.ASSISTANT, "theirs", 5)));

    assertEquals(List.of(mine), context.items());
  }

  @Test
  void mergeDoesNotDedupeByContent() {
    ChatContext context = ChatContext.of(TestItems.message("a", ChatRole.USER, "hi", 1));

    context.merge(ChatContext.of(TestItems.message("b", ChatRole.USER, "hi", 1)));

    assertEquals(List.of("a", "b"), ids(context));
  }

  @Test
  void mergeAddsARepeatedIdOfTheOtherContextOnce() {
    ChatContext context = ChatContext.empty();

    context.merge(ChatContext.of(user("x", 1), assistant("x", 2)));

    assertEquals(List.of(user("x", 1)), context.items());
  }

  @Test
  void mergeExcludingFunctionCallsSkipsThem() {
    ChatContext context = ChatContext.of(user("u", 1));

    context.merge(ChatContext.of(call("c", "f", 2), output("o", "f", 3), assistant("a", 4)),
        CopyOptions.all().excludeFunctionCalls());

    assertEquals(List.of("u", "a"), ids(context));
  }

  @Test
  void mergeExcludingInstructionsSkipsSystemAndDeveloperMessages() {
    ChatContext context = ChatContext.of(user("u", 1));

    context.merge(ChatContext.of(system("s", 0), developer("d", 2), assistant("a", 3)),
        CopyOptions.all().excludeInstructions());

    assertEquals(List.of("u", "a"), ids(context));
  }

  @Test
  void mergeWithItselfChangesNothing() {
    ChatContext context = ChatContext.of(user("u", 1), assistant("a", 2));

    context.merge(context);

    assertEquals(List.of("u", "a"), ids(context));
  }

  @Test
  void mergeLeavesTheOtherContextAlone() {
    ChatContext other = ChatContext.of(user("b", 2));

    ChatContext.of(user("a", 1)).merge(other);

    assertEquals(List.of("b"), ids(other));
  }
}
