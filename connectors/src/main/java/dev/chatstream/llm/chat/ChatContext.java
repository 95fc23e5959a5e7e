package dev.chatstream.llm.chat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The ordered items of one conversation, with the operations of LiveKit's {@code ChatContext}.
 *
 * <p>A context is mutable and not thread-safe; share a {@link #readOnly()} view or a {@link #copy()}.
 */
public final class ChatContext {
  private final List<ChatItem> items;

  private ChatContext(List<ChatItem> items) {
    this.items = items;
  }

  /** A new, empty context. */
  public static ChatContext empty() {
    return new ChatContext(new ArrayList<>());
  }

  /** A new context holding {@code items} in the given order. */
  public static ChatContext of(List<? extends ChatItem> items) {
    return new ChatContext(new ArrayList<>(items));
  }

  /** The items, in order, as an unmodifiable view. */
  public List<ChatItem> items() {
    return Collections.unmodifiableList(items);
  }

  /** The number of items. */
  public int size() {
    return items.size();
  }

  /** An independent copy. */
  public ChatContext copy() {
    return new ChatContext(new ArrayList<>(items));
  }

  /** A view that reads this context and rejects every change. */
  public ChatContext readOnly() {
    return new ChatContext(Collections.unmodifiableList(items));
  }
}
