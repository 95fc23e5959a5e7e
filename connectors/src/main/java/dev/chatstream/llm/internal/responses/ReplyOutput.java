package dev.chatstream.llm.internal.responses;

import java.util.ArrayList;
import java.util.List;

/**
 * The output items of one response, in order, as the provider named them: what a provider
 * conversation holds of the reply once the response is done.
 */
final class ReplyOutput {

  /**
   * One output item.
   *
   * @param type its type ({@code message}, {@code function_call}, {@code reasoning}, ...)
   * @param id the provider's item id
   */
  record Item(String type, String id) {
    boolean isFunctionCall() {
      return "function_call".equals(type);
    }
  }

  private final List<Item> items = new ArrayList<>();
  private boolean text;

  void add(String type, String id) {
    if (!id.isEmpty()) {
      items.add(new Item(type, id));
    }
  }

  void sawText() {
    text = true;
  }

  /** The items, in order. */
  List<Item> items() {
    return List.copyOf(items);
  }

  /** True when some text was streamed: the caller's context then holds the reply's message. */
  boolean hasText() {
    return text;
  }

  /** How many function calls the reply made. */
  int functionCalls() {
    return (int) items.stream().filter(Item::isFunctionCall).count();
  }

  /** The reply's items in the caller's context: its message (when it had text) and its calls. */
  int contextItems() {
    return (text ? 1 : 0) + functionCalls();
  }
}
