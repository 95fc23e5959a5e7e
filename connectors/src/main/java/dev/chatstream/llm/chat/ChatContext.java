package dev.chatstream.llm.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The ordered items of one conversation, with the operations of LiveKit's {@code ChatContext}.
 *
 * <p>Items are kept in the order they were added; {@link #insert} and the timed {@link #addMessage}
 * place an item by {@code created_at} instead, after every item at the same time. Ids are expected to be
 * unique; where they are not, lookups find the first match.
 *
 * <p>A context is mutable and not thread-safe. Hand code that must not change it a {@link #readOnly()}
 * view; the view follows the owner's changes, so another thread gets {@code copy().readOnly()}.
 */
public final class ChatContext {
  private final List<ChatItem> items;
  private final boolean readOnly;

  private ChatContext(List<ChatItem> items, boolean readOnly) {
    this.items = items;
    this.readOnly = readOnly;
  }

  /** A new, empty context. */
  public static ChatContext empty() {
    return new ChatContext(new ArrayList<>(), false);
  }

  /**
   * A new context holding {@code items} in the given order.
   *
   * @throws NullPointerException when an item is null
   */
  public static ChatContext of(List<? extends ChatItem> items) {
    ChatContext context = empty();
    items.forEach(context::append);
    return context;
  }

  /** A new context holding {@code items} in the given order. */
  public static ChatContext of(ChatItem... items) {
    return of(List.of(items));
  }

  /**
   * Reads the JSON written by {@link #toDict}: {@code {"items": [...]}}, see {@link ChatItemJson}.
   *
   * @throws IllegalArgumentException naming the item index and the problem when the JSON does not fit
   */
  public static ChatContext fromDict(JsonNode dict) {
    return of(ChatItemJson.fromDict(dict));
  }

  /** The items, in order, as an unmodifiable view that follows later changes. */
  public List<ChatItem> items() {
    return Collections.unmodifiableList(items);
  }

  /** The number of items. */
  public int size() {
    return items.size();
  }

  /** True when there are no items. */
  public boolean isEmpty() {
    return items.isEmpty();
  }

  /** True for a view made by {@link #readOnly()}. */
  public boolean isReadOnly() {
    return readOnly;
  }

  /**
   * Appends a message with one text part, stamped now.
   *
   * @throws UnsupportedOperationException on a read-only view
   */
  public ChatMessage addMessage(ChatRole role, String text) {
    return addMessage(role, text, null, false, null);
  }

  /**
   * Appends a message with these content parts, stamped now.
   *
   * @throws UnsupportedOperationException on a read-only view
   */
  public ChatMessage addMessage(ChatRole role, List<? extends ChatContent> content) {
    return addMessage(role, content, null, false, null);
  }

  /**
   * Adds a message whose content is one text part, as {@link #addMessage(ChatRole, List, String,
   * boolean, Double)} does.
   */
  public ChatMessage addMessage(
      ChatRole role, String text, String id, boolean interrupted, Double createdAt) {
    Objects.requireNonNull(text, "message content must not be null");
    return addMessage(role, List.of(new TextContent(text)), id, interrupted, createdAt);
  }

  /**
   * Adds a message: appended when {@code createdAt} is null (and stamped now), else inserted by time.
   *
   * @param id the message id, or null for a new {@code item_...} id
   * @param createdAt seconds since the epoch, or null
   * @return the message added
   * @throws UnsupportedOperationException on a read-only view
   */
  public ChatMessage addMessage(
      ChatRole role, List<? extends ChatContent> content, String id, boolean interrupted, Double createdAt) {
    checkWritable("addMessage");
    Objects.requireNonNull(content, "message content must not be null");
    ChatMessage message = new ChatMessage(
        id == null ? ItemIds.newItemId() : id,
        role,
        List.copyOf(content),
        interrupted,
        null,
        Map.of(),
        createdAt == null ? Clock.nowSeconds() : createdAt);
    if (createdAt == null) {
      items.add(message);
    } else {
      items.add(findInsertionIndex(createdAt), message);
    }
    return message;
  }

  /**
   * Adds {@code item} at the end, whatever its time.
   *
   * @throws UnsupportedOperationException on a read-only view
   */
  public void append(ChatItem item) {
    checkWritable("append");
    items.add(Objects.requireNonNull(item, "item must not be null"));
  }

  /**
   * Inserts {@code item} by its {@code created_at}, after every item at the same or an earlier time.
   *
   * @throws UnsupportedOperationException on a read-only view
   */
  public void insert(ChatItem item) {
    checkWritable("insert");
    Objects.requireNonNull(item, "item must not be null");
    items.add(findInsertionIndex(item.createdAt()), item);
  }

  /**
   * Inserts each item in turn, as {@link #insert(ChatItem)} does. When the context and the new items
   * are both ordered by time, this is done in one merge pass.
   */
  public void insert(List<? extends ChatItem> newItems) {
    checkWritable("insert");
    newItems.forEach(item -> Objects.requireNonNull(item, "item must not be null"));
    if (newItems.size() > 1 && SortedMerge.isSortedByTime(items) && SortedMerge.isSortedByTime(newItems)) {
      List<ChatItem> merged = SortedMerge.merge(items, newItems);
      items.clear();
      items.addAll(merged);
      return;
    }
    newItems.forEach(this::insert);
  }

  /**
   * Where an item created at {@code createdAt} goes: scanning from the end, right after the last item
   * with {@code created_at <= createdAt}; 0 when there is none. Assumes the items are sorted by time.
   */
  public int findInsertionIndex(double createdAt) {
    for (int i = items.size() - 1; i >= 0; i--) {
      if (items.get(i).createdAt() <= createdAt) {
        return i + 1;
      }
    }
    return 0;
  }

  /**
   * Removes the first item with this id.
   *
   * @return the removed item
   * @throws NoSuchElementException when no item has this id
   * @throws UnsupportedOperationException on a read-only view
   */
  public ChatItem remove(String id) {
    checkWritable("remove");
    int index = indexById(id);
    if (index < 0) {
      throw new NoSuchElementException("no item with id '" + id + "' in the chat context");
    }
    return items.remove(index);
  }

  /** The first item with this id, or empty. */
  public Optional<ChatItem> getById(String id) {
    int index = indexById(id);
    return index < 0 ? Optional.empty() : Optional.of(items.get(index));
  }

  /** The index of the first item with this id, or -1. */
  public int indexById(String id) {
    for (int i = 0; i < items.size(); i++) {
      if (items.get(i).id().equals(id)) {
        return i;
      }
    }
    return -1;
  }

  /** An independent, writable copy with every item (also of a read-only view). */
  public ChatContext copy() {
    return copy(CopyOptions.all());
  }

  /** An independent, writable copy with the items that {@code options} keeps, in order. */
  public ChatContext copy(CopyOptions options) {
    List<ChatItem> kept = new ArrayList<>(items.size());
    for (ChatItem item : items) {
      if (options.keeps(item)) {
        kept.add(item);
      }
    }
    return new ChatContext(kept, false);
  }

  /**
   * Keeps only the last {@code maxItems} items, in place; nothing happens when there are no more than
   * that. Function calls and outputs at the start of the kept items are dropped too (their other half
   * is gone). The first instruction message ({@code system} or {@code developer}) of the whole context is
   * put back at the start when it is not among the kept items, so the result may hold {@code maxItems
   * + 1} items.
   *
   * @return this context
   * @throws IllegalArgumentException when {@code maxItems} is negative
   * @throws UnsupportedOperationException on a read-only view
   */
  public ChatContext truncate(int maxItems) {
    checkWritable("truncate");
    if (maxItems < 0) {
      throw new IllegalArgumentException("max items must be >= 0, was " + maxItems);
    }
    if (items.size() > maxItems) {
      List<ChatItem> kept = Truncation.lastItems(items, maxItems);
      items.clear();
      items.addAll(kept);
    }
    return this;
  }

  /** Merges every item of {@code other}; see {@link #merge(ChatContext, CopyOptions)}. */
  public ChatContext merge(ChatContext other) {
    return merge(other, CopyOptions.all());
  }

  /**
   * Inserts, by {@code created_at}, each item of {@code other} that {@code filter} keeps and whose id is
   * not already here. Only ids are compared: an item with a known id is skipped even if it differs.
   * The reference's {@code exclude_function_call}/{@code exclude_instructions} are {@link
   * CopyOptions#excludeFunctionCalls()}/{@link CopyOptions#excludeInstructions()}.
   *
   * @return this context
   * @throws UnsupportedOperationException on a read-only view
   */
  public ChatContext merge(ChatContext other, CopyOptions filter) {
    checkWritable("merge");
    Set<String> ids = new HashSet<>();
    items.forEach(item -> ids.add(item.id()));
    List<ChatItem> added = new ArrayList<>();
    for (ChatItem item : other.copy(filter).items) {
      if (ids.add(item.id())) {
        added.add(item);
      }
    }
    insert(added);
    return this;
  }

  /**
   * True when {@code other} holds the same items in the same order, ignoring timestamps and metadata
   * ({@code extra}, transcript confidence, group id):
   * same ids and types; messages with the same role, interrupted flag and content; calls with the same
   * name, call id and arguments; outputs with the same name, call id, output and error flag.
   */
  public boolean isEquivalent(ChatContext other) {
    return ItemEquivalence.sameItems(items, other.items);
  }

  /** A view that reads this context, follows its changes, and rejects every change of its own. */
  public ChatContext readOnly() {
    return readOnly ? this : new ChatContext(items, true);
  }

  /** The reference's default {@code to_dict()}: no images, audio or timestamps. */
  public ObjectNode toDict() {
    return toDict(DictOptions.defaults());
  }

  /** {@code {"items": [...]}}, see {@link ChatItemJson}; {@link DictOptions#includeAll()} is lossless. */
  public ObjectNode toDict(DictOptions options) {
    return ChatItemJson.toDict(items, options);
  }

  @Override
  public String toString() {
    return "ChatContext[" + items.size() + " items" + (readOnly ? ", read-only]" : "]");
  }

  private void checkWritable(String operation) {
    if (readOnly) {
      throw new UnsupportedOperationException(
          "chat context is read-only: " + operation + " is not allowed (change a copy() instead)");
    }
  }
}
