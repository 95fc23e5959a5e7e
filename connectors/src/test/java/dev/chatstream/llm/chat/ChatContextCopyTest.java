package dev.chatstream.llm.chat;

import static dev.chatstream.llm.chat.TestItems.assistant;
import static dev.chatstream.llm.chat.TestItems.call;
import static dev.chatstream.llm.chat.TestItems.developer;
import static dev.chatstream.llm.chat.TestItems.ids;
import static dev.chatstream.llm.chat.TestItems.output;
import static dev.chatstream.llm.chat.TestItems.system;
import static dev.chatstream.llm.chat.TestItems.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChatContextCopyTest {
  private final ChatMessage emptyMessage =
      new ChatMessage("empty", ChatRole.ASSISTANT, List.of(), false, null, Map.of(), 7);
  private final ChatContext context = ChatContext.of(
      system("sys", 0),
      developer("dev", 1),
      user("u", 2),
      call("c1", "weather", 3),
      output("o1", "weather", 4),
      call("c2", "search", 5),
      output("o2", "search", 6),
      emptyMessage,
      assistant("a", 8));

  @Test
  void copyWithAllOptionsKeepsEverything() {
    assertEquals(context.items(), context.copy(CopyOptions.all()).items());
  }

  @Test
  void copyExcludingFunctionCallsDropsCallsAndOutputs() {
    ChatContext copy = context.copy(CopyOptions.all().excludeFunctionCalls());

    assertEquals(List.of("sys", "dev", "u", "empty", "a"), ids(copy));
  }

  @Test
  void copyExcludingInstructionsDropsSystemAndDeveloperMessages() {
    ChatContext copy = context.copy(CopyOptions.all().excludeInstructions());

    assertEquals(List.of("u", "c1", "o1", "c2", "o2", "empty", "a"), ids(copy));
  }

  @Test
  void copyExcludingEmptyMessagesDropsMessagesWithoutParts() {
    ChatContext withEmptyText = ChatContext.of(TestItems.message("blank", ChatRole.USER, "", 1), emptyMessage);

    ChatContext copy = withEmptyText.copy(CopyOptions.all().excludeEmptyMessages());

    assertEquals(List.of("blank"), ids(copy));
  }

  @Test
  void copyWithToolsDropsCallsOfOtherTools() {
    ChatContext copy = context.copy(CopyOptions.all().withTools("weather"));

    assertEquals(List.of("sys", "dev", "u", "c1", "o1", "empty", "a"), ids(copy));
  }

  @Test
  void copyWithNoToolsDropsEveryCall() {
    ChatContext copy = context.copy(CopyOptions.all().withTools(List.of()));

    assertEquals(List.of("sys", "dev", "u", "empty", "a"), ids(copy));
  }

  @Test
  void copyWithToolsDropsOutputsWithoutName() {
    ChatContext withUnnamed = ChatContext.of(new FunctionCallOutput("o", "call", "", "x", false, 1));

    assertEquals(List.of(), ids(withUnnamed.copy(CopyOptions.all().withTools("weather"))));
  }

  @Test
  void copyOptionsCombine() {
    CopyOptions options = CopyOptions.all().excludeInstructions().excludeEmptyMessages().withTools("search");

    assertEquals(List.of("u", "c2", "o2", "a"), ids(context.copy(options)));
  }

  @Test
  void copyOptionsAreImmutable() {
    CopyOptions all = CopyOptions.all();

    all.excludeFunctionCalls();
    all.withTools("weather");

    assertEquals(context.items(), context.copy(all).items());
  }

  @Test
  void withToolsReplacesEarlierNames() {
    ChatContext copy = context.copy(CopyOptions.all().withTools("weather").withTools("search"));

    assertEquals(List.of("sys", "dev", "u", "c2", "o2", "empty", "a"), ids(copy));
  }

  @Test
  void withToolsRejectsNullNames() {
    assertThrows(NullPointerException.class, () -> CopyOptions.all().withTools((String) null));
  }
}
