package dev.chatstream.pipeline.internals.state;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.utils.Bytes;

/**
 * Byte layouts of the state store keys. Every key starts with the conversation id, length-prefixed so
 * that no conversation's prefix is a prefix of another's; a prefix scan over it returns exactly one
 * conversation's entries, in key order (RocksDB compares keys as unsigned bytes).
 *
 * <ul>
 *   <li>item: {@code [len][conversation id][created_at micros, sign-flipped][arrival seq]} — so a
 *       prefix scan yields the context ordered by time, ties in arrival order;
 *   <li>index: {@code [len][conversation id][item id]} — the item's order key, for dedupe and lookup;
 *   <li>generation: {@code [len][conversation id][queue seq]} — requests in arrival order;
 *   <li>header: {@code [len][conversation id]}, and beside it in the same store, one entry per item a
 *       provider conversation holds: {@code [len][conversation id][0x01][item id]} — the provider's ids
 *       of that item.
 * </ul>
 */
public final class StoreKeys {
  /** Bytes of an order key: created_at micros and arrival sequence, 8 bytes each. */
  public static final int ORDER_KEY_BYTES = 16;

  private static final byte PROVIDER_ITEM = 1;

  private StoreKeys() {}

  /** The prefix shared by every key of one conversation. */
  public static Bytes conversationPrefix(String conversationId) {
    return Bytes.wrap(prefixBytes(conversationId, 0).array());
  }

  /** The prefix of every provider item key of one conversation, in the headers store. */
  public static Bytes providerItemPrefix(String conversationId) {
    return Bytes.wrap(prefixBytes(conversationId, 1).put(PROVIDER_ITEM).array());
  }

  /** The headers store key of the provider's ids of item {@code itemId}. */
  public static Bytes providerItemKey(String conversationId, String itemId) {
    byte[] id = itemId.getBytes(StandardCharsets.UTF_8);
    return Bytes.wrap(prefixBytes(conversationId, 1 + id.length).put(PROVIDER_ITEM).put(id).array());
  }

  /** The item id of a provider item key. */
  public static String providerItemOf(Bytes key, String conversationId) {
    int start = Integer.BYTES + conversationId.getBytes(StandardCharsets.UTF_8).length + 1;
    return new String(key.get(), start, key.get().length - start, StandardCharsets.UTF_8);
  }

  /** The order key of an item: its time, then its arrival sequence. */
  public static byte[] orderKey(double createdAtSeconds, long arrivalSeq) {
    return ByteBuffer.allocate(ORDER_KEY_BYTES)
        .putLong(sortableMicros(createdAtSeconds))
        .putLong(arrivalSeq ^ Long.MIN_VALUE)
        .array();
  }

  /** The item store key of an item with this order key. */
  public static Bytes itemKey(String conversationId, byte[] orderKey) {
    return Bytes.wrap(prefixBytes(conversationId, orderKey.length).put(orderKey).array());
  }

  /** The index store key of an item id. */
  public static Bytes indexKey(String conversationId, String itemId) {
    byte[] id = itemId.getBytes(StandardCharsets.UTF_8);
    return Bytes.wrap(prefixBytes(conversationId, id.length).put(id).array());
  }

  /** The generation store key of the request queued {@code seq}-th in a conversation. */
  public static Bytes generationKey(String conversationId, long seq) {
    return Bytes.wrap(prefixBytes(conversationId, Long.BYTES).putLong(seq ^ Long.MIN_VALUE).array());
  }

  /** The conversation id a key starts with. */
  public static String conversationOf(Bytes key) {
    ByteBuffer buffer = ByteBuffer.wrap(key.get());
    int length = buffer.getInt();
    return new String(key.get(), Integer.BYTES, length, StandardCharsets.UTF_8);
  }

  /** The queue sequence of a generation store key. */
  public static long generationSeqOf(Bytes key) {
    byte[] bytes = key.get();
    return ByteBuffer.wrap(bytes, bytes.length - Long.BYTES, Long.BYTES).getLong() ^ Long.MIN_VALUE;
  }

  private static ByteBuffer prefixBytes(String conversationId, int extra) {
    byte[] id = conversationId.getBytes(StandardCharsets.UTF_8);
    return ByteBuffer.allocate(Integer.BYTES + id.length + extra).putInt(id.length).put(id);
  }

  private static long sortableMicros(double seconds) {
    return Math.round(seconds * 1_000_000d) ^ Long.MIN_VALUE;
  }
}
