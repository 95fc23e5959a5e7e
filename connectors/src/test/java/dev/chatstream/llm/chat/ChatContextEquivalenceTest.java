package dev.chatstream.llm.chat;

import static dev.chatstream.llm.chat.TestItems.call;
import static dev.chatstream.llm.chat.TestItems.output;
import static dev.chatstream.llm.chat.TestItems.user;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChatContextEquivalenceTest {
  private final ChatMessage message = new ChatMessage(
      "m", ChatRole.USER, List.of(new TextContent("hi")), false, 0.9, Map.of("k", "v"), 1);
  private final FunctionCall call = new FunctionCall("c", "call_1", "weather", "{\"city\":\"Paris\"}", 2,
      Map.of("k", "v"), "g");
  private final FunctionCallOutput output = new FunctionCallOutput("o", "call_1", "weather", "sunny", false, 3);
  private final ChatContext context = ChatContext.of(message, call, output);

  private static boolean equivalent(ChatItem a, ChatItem b) {
    return ChatContext.of(a).isEquivalent(ChatContext.of(b));
  }

  @Test
  void isEquivalentToItself() {
    assertTrue(context.isEquivalent(context));
    assertTrue(context.isEquivalent(context.copy()));
  }

  @Test
  void isEquivalentIgnoresTimestamps() {
    ChatContext later = ChatContext.of(message.withCreatedAt(100), call.withCreatedAt(200), output.withCreatedAt(300));

    assertTrue(context.isEquivalent(later));
  }

  @Test
  void isEquivalentIgnoresMessageMetadata() {
    ChatMessage other = new ChatMessage("m", ChatRole.USER, List.of(new TextContent("hi")), false, null, null, 1);

    assertTrue(equivalent(message, other));
  }

  @Test
  void isEquivalentIgnoresCallExtraAndGroup() {
    FunctionCall other = new FunctionCall("c", "call_1", "weather", "{\"city\":\"Paris\"}", 2, null, null);

    assertTrue(equivalent(call, other));
  }

  @Test
  void isEquivalentRequiresTheSameLength() {
    assertFalse(context.isEquivalent(ChatContext.of(message, call)));
    assertFalse(ChatContext.of(message, call).isEquivalent(context));
  }

  @Test
  void isEquivalentRequiresTheSameOrder() {
    assertFalse(context.isEquivalent(ChatContext.of(call, message, output)));
  }

  @Test
  void isEquivalentComparesIdsAndTypes() {
    assertFalse(equivalent(message, message.withId("other")));
    assertFalse(equivalent(user("x", 1), new FunctionCall("x", "c", "n", "{}", 1, null, null)));
  }

  @Test
  void isEquivalentComparesMessageRoleInterruptedAndContent() {
    assertFalse(equivalent(message, message.withRole(ChatRole.ASSISTANT)));
    assertFalse(equivalent(message, message.withInterrupted(true)));
    assertFalse(equivalent(message, new ChatMessage("m", ChatRole.USER, List.of(new TextContent("hi!")), false,
        0.9, Map.of("k", "v"), 1)));
  }

  @Test
  void isEquivalentComparesCallNameCallIdAndArguments() {
    assertFalse(equivalent(call, new FunctionCall("c", "call_1", "search", "{\"city\":\"Paris\"}", 2, null, "g")));
    assertFalse(equivalent(call, new FunctionCall("c", "call_2", "weather", "{\"city\":\"Paris\"}", 2, null, "g")));
    assertFalse(equivalent(call, new FunctionCall("c", "call_1", "weather", "{\"city\": \"Paris\"}", 2, null, "g")));
  }

  @Test
  void isEquivalentComparesOutputNameCallIdOutputAndError() {
    assertFalse(equivalent(output, new FunctionCallOutput("o", "call_1", "other", "sunny", false, 3)));
    assertFalse(equivalent(output, new FunctionCallOutput("o", "call_2", "weather", "sunny", false, 3)));
    assertFalse(equivalent(output, new FunctionCallOutput("o", "call_1", "weather", "rainy", false, 3)));
    assertFalse(equivalent(output, new FunctionCallOutput("o", "call_1", "weather", "sunny", true, 3)));
  }

  @Test
  void isEquivalentHoldsForEmptyContexts() {
    assertTrue(ChatContext.empty().isEquivalent(ChatContext.empty()));
    assertFalse(ChatContext.empty().isEquivalent(ChatContext.of(call("c", "f", 1), output("o", "f", 2))));
  }
}
