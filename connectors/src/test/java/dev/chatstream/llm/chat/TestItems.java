package dev.chatstream.llm.chat;

import java.util.List;
import java.util.Map;

/** Items with chosen ids and times, for tests. */
final class TestItems {
  private TestItems() {}

  static ChatMessage message(String id, ChatRole role, String text, double createdAt) {
    return new ChatMessage(id, role, List.of(new TextContent(text)), false, null, Map.of(), createdAt);
  }

  static ChatMessage user(String id, double createdAt) {
    return message(id, ChatRole.USER, "text of " + id, createdAt);
  }

  static ChatMessage assistant(String id, double createdAt) {
    return message(id, ChatRole.ASSISTANT, "text of " + id, createdAt);
  }

  static ChatMessage system(String id, double createdAt) {
    return message(id, ChatRole.SYSTEM, "instructions " + id, createdAt);
  }

  static ChatMessage developer(String id, double createdAt) {
    return message(id, ChatRole.DEVELOPER, "instructions " + id, createdAt);
  }

  static FunctionCall call(String id, String name, double createdAt) {
    return new FunctionCall(id, "call_" + id, name, "{}", createdAt, Map.of(), null);
  }

  static FunctionCallOutput output(String id, String name, double createdAt) {
    return new FunctionCallOutput(id, "call_" + id, name, "done", false, createdAt);
  }

  static List<String> ids(ChatContext context) {
    return context.items().stream().map(ChatItem::id).toList();
  }
}
