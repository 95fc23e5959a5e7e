package dev.chatstream.llm.format;

import dev.chatstream.llm.chat.ChatItem;
import dev.chatstream.llm.chat.ChatMessage;
import dev.chatstream.llm.chat.FunctionCall;
import dev.chatstream.llm.chat.FunctionCallOutput;
import java.util.ArrayList;
import java.util.List;

/**
 * One message and the function calls and outputs that travel with it.
 *
 * @param message the group's message, or null for calls that came without one
 * @param calls the function calls, in context order
 * @param outputs the outputs answering {@code calls}, in context order
 */
record ItemGroup(ChatMessage message, List<FunctionCall> calls, List<FunctionCallOutput> outputs) {

  ItemGroup {
    calls = List.copyOf(calls);
    outputs = List.copyOf(outputs);
  }

  /** True when the group has nothing to send. */
  boolean isEmpty() {
    return message == null && calls.isEmpty() && outputs.isEmpty();
  }

  /** The items in sending order: message, calls, outputs. */
  List<ChatItem> items() {
    List<ChatItem> items = new ArrayList<>(1 + calls.size() + outputs.size());
    if (message != null) {
      items.add(message);
    }
    items.addAll(calls);
    items.addAll(outputs);
    return items;
  }
}
