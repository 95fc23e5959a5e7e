package dev.chatstream.pipeline.internals.state;

import dev.chatstream.llm.chat.ChatContext;
import dev.chatstream.llm.chat.ChatItem;
import dev.chatstream.llm.state.ProviderConversation;
import dev.chatstream.llm.state.ProviderState;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.common.serialization.BytesSerializer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The ChatContext of every conversation of one task, one store entry per item.
 *
 * <p>Three stores: items keyed by conversation and order key (so a prefix scan reads a context in
 * order), an id index whose value is the item's order key and size (dedupe, lookup, removal), and a
 * small header per conversation. Appending costs a fixed number of reads and writes at any
 * conversation length. What an LLM provider keeps of the conversation lives in the header, except
 * the item ids of a provider conversation, one entry each beside the header, written only when they
 * change.
 */
public final class ConversationStore {
  /** Store of items, one entry per item. */
  public static final String ITEMS = "conversation-items";
  /** Store of item ids. */
  public static final String INDEX = "conversation-index";
  /** Store of conversation headers. */
  public static final String HEADERS = "conversation-headers";

  private static final BytesSerializer PREFIX_SERIALIZER = new BytesSerializer();
  private static final int INDEX_VALUE_BYTES = StoreKeys.ORDER_KEY_BYTES + Integer.BYTES;

  private final KeyValueStore<Bytes, byte[]> items;
  private final KeyValueStore<Bytes, byte[]> index;
  private final KeyValueStore<Bytes, byte[]> headers;
  private final ItemCodec codec;
  private final ConversationLimits limits;

  /** Wraps a task's three conversation stores. */
  public ConversationStore(
      KeyValueStore<Bytes, byte[]> items,
      KeyValueStore<Bytes, byte[]> index,
      KeyValueStore<Bytes, byte[]> headers,
      ItemCodec codec,
      ConversationLimits limits) {
    this.items = items;
    this.index = index;
    this.headers = headers;
    this.codec = codec;
    this.limits = limits;
  }

  /**
   * Adds {@code item} at its place by {@code created_at} (ties keep arrival order), unless an item
   * with its id is present or a limit would be crossed.
   */
  public AppendOutcome append(String conversationId, ChatItem item) {
    Bytes indexKey = StoreKeys.indexKey(conversationId, item.id());
    if (index.get(indexKey) != null) {
      return AppendOutcome.DUPLICATE;
    }
    ConversationHeader header = header(conversationId);
    byte[] value = codec.encode(item);
    if (header.itemCount() + 1 > limits.maxItems()) {
      return new AppendOutcome.LimitExceeded("conversation '" + conversationId + "' holds "
          + header.itemCount() + " items, the limit (conversation.max.items) is " + limits.maxItems());
    }
    if (header.byteCount() + value.length > limits.maxBytes()) {
      return new AppendOutcome.LimitExceeded("conversation '" + conversationId + "' holds "
          + header.byteCount() + " bytes; adding " + value.length
          + " would pass the limit (conversation.max.bytes) of " + limits.maxBytes());
    }
    byte[] orderKey = StoreKeys.orderKey(item.createdAt(), header.nextArrivalSeq());
    items.put(StoreKeys.itemKey(conversationId, orderKey), value);
    index.put(indexKey, ByteBuffer.allocate(INDEX_VALUE_BYTES).put(orderKey).putInt(value.length).array());
    putHeader(conversationId, header.withItemAdded(value.length));
    return AppendOutcome.APPENDED;
  }

  /** True when an item with this id is in the conversation. */
  public boolean contains(String conversationId, String itemId) {
    return index.get(StoreKeys.indexKey(conversationId, itemId)) != null;
  }

  /** The item with this id, if present. */
  public Optional<ChatItem> get(String conversationId, String itemId) {
    byte[] entry = index.get(StoreKeys.indexKey(conversationId, itemId));
    if (entry == null) {
      return Optional.empty();
    }
    byte[] value = items.get(StoreKeys.itemKey(conversationId, orderKeyOf(entry)));
    return Optional.ofNullable(value).map(codec::decode);
  }

  /** The conversation's context, in order. */
  public ChatContext context(String conversationId) {
    List<ChatItem> context = new ArrayList<>();
    try (KeyValueIterator<Bytes, byte[]> it = scan(items, conversationId)) {
      it.forEachRemaining(kv -> context.add(codec.decode(kv.value)));
    }
    return ChatContext.of(context);
  }

  /** The conversation's items in order, as the store keeps them (see {@link ItemCodec}), undecoded. */
  public List<byte[]> encodedItems(String conversationId) {
    List<byte[]> encoded = new ArrayList<>();
    try (KeyValueIterator<Bytes, byte[]> it = scan(items, conversationId)) {
      it.forEachRemaining(kv -> encoded.add(kv.value));
    }
    return encoded;
  }

  /**
   * Truncates the context as {@link ChatContext#truncate(int)} does (the first instruction kept,
   * leading function items dropped) and removes what it dropped.
   *
   * @return how many items were removed
   */
  public int truncate(String conversationId, int maxItems) {
    ChatContext context = context(conversationId);
    Set<String> kept = new HashSet<>();
    ChatContext truncated = context.copy();
    truncated.truncate(maxItems);
    truncated.items().forEach(item -> kept.add(item.id()));
    int removed = 0;
    for (ChatItem item : context.items()) {
      if (!kept.contains(item.id())) {
        remove(conversationId, item.id());
        removed++;
      }
    }
    return removed;
  }

  /** Removes the item with this id; false when there was none. */
  public boolean remove(String conversationId, String itemId) {
    Bytes indexKey = StoreKeys.indexKey(conversationId, itemId);
    byte[] entry = index.get(indexKey);
    if (entry == null) {
      return false;
    }
    items.delete(StoreKeys.itemKey(conversationId, orderKeyOf(entry)));
    index.delete(indexKey);
    ConversationHeader header = header(conversationId);
    putHeader(conversationId, header.withCounts(header.itemCount() - 1, header.byteCount() - sizeOf(entry)));
    return true;
  }

  /** Removes every item, the index, the header and the provider state of the conversation. */
  public void delete(String conversationId) {
    deleteAll(items, conversationId);
    deleteAll(index, conversationId);
    providerItems(conversationId).keySet().forEach(item ->
        headers.delete(StoreKeys.providerItemKey(conversationId, item)));
    headers.delete(StoreKeys.conversationPrefix(conversationId));
  }

  /**
   * What the provider of {@code profile} keeps of the conversation, with a provider conversation's
   * item ids; empty when nothing is stored or another profile's provider stored it.
   */
  public Optional<ProviderState> providerState(String conversationId, String profile) {
    ProviderHold hold = header(conversationId).providerHold();
    if (hold == null || !hold.profile().equals(profile)) {
      return Optional.empty();
    }
    if (hold.state() instanceof ProviderConversation conversation) {
      return Optional.of(new ProviderConversation(conversation.conversationId(), conversation.endpoint(),
          providerItems(conversationId)));
    }
    return Optional.of(hold.state());
  }

  /**
   * Stores what the provider of {@code profile} now keeps of the conversation (null: nothing). A
   * provider conversation's item ids are written only where they changed.
   */
  public void putProviderState(String conversationId, String profile, ProviderState state) {
    Map<String, List<String>> stored = providerItems(conversationId);
    Map<String, List<String>> wanted = state instanceof ProviderConversation conversation
        ? conversation.items() : Map.of();
    stored.forEach((item, ids) -> {
      if (!wanted.containsKey(item)) {
        headers.delete(StoreKeys.providerItemKey(conversationId, item));
      }
    });
    wanted.forEach((item, ids) -> {
      if (!ids.equals(stored.get(item))) {
        headers.put(StoreKeys.providerItemKey(conversationId, item), ProviderIdsCodec.encode(ids));
      }
    });
    ProviderState kept = state instanceof ProviderConversation conversation
        ? ProviderConversation.empty(conversation.conversationId(), conversation.endpoint())
        : state;
    putHeader(conversationId, header(conversationId).withProviderHold(kept == null ? null
        : new ProviderHold(profile, kept)));
  }

  private Map<String, List<String>> providerItems(String conversationId) {
    Map<String, List<String>> items = new LinkedHashMap<>();
    try (KeyValueIterator<Bytes, byte[]> it =
        headers.prefixScan(StoreKeys.providerItemPrefix(conversationId), PREFIX_SERIALIZER)) {
      it.forEachRemaining(kv -> items.put(StoreKeys.providerItemOf(kv.key, conversationId),
          ProviderIdsCodec.decode(kv.value)));
    }
    return items;
  }

  /** The conversation's header; {@link ConversationHeader#EMPTY} when it has none. */
  public ConversationHeader header(String conversationId) {
    byte[] value = headers.get(StoreKeys.conversationPrefix(conversationId));
    return value == null ? ConversationHeader.EMPTY : ConversationHeaderCodec.decode(value);
  }

  /** Replaces the conversation's header. */
  public void putHeader(String conversationId, ConversationHeader header) {
    headers.put(StoreKeys.conversationPrefix(conversationId), ConversationHeaderCodec.encode(header));
  }

  private static void deleteAll(KeyValueStore<Bytes, byte[]> store, String conversationId) {
    List<Bytes> keys = new ArrayList<>();
    try (KeyValueIterator<Bytes, byte[]> it = scan(store, conversationId)) {
      it.forEachRemaining((KeyValue<Bytes, byte[]> kv) -> keys.add(kv.key));
    }
    keys.forEach(store::delete);
  }

  private static KeyValueIterator<Bytes, byte[]> scan(KeyValueStore<Bytes, byte[]> store, String conversationId) {
    return store.prefixScan(StoreKeys.conversationPrefix(conversationId), PREFIX_SERIALIZER);
  }

  private static byte[] orderKeyOf(byte[] indexValue) {
    byte[] orderKey = new byte[StoreKeys.ORDER_KEY_BYTES];
    System.arraycopy(indexValue, 0, orderKey, 0, orderKey.length);
    return orderKey;
  }

  private static int sizeOf(byte[] indexValue) {
    return ByteBuffer.wrap(indexValue, StoreKeys.ORDER_KEY_BYTES, Integer.BYTES).getInt();
  }
}
