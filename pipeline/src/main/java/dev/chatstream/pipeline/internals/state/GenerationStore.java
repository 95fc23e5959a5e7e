package dev.chatstream.pipeline.internals.state;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.serialization.BytesSerializer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The queued and running generation requests of every conversation of one task, one store entry per
 * request, keyed by conversation and queue position. The head of a conversation's queue is the one
 * that runs; the rest wait in order.
 */
public final class GenerationStore {
  /** The store's name in the topology. */
  public static final String NAME = "generations";

  private static final BytesSerializer PREFIX_SERIALIZER = new BytesSerializer();
  private final KeyValueStore<Bytes, byte[]> store;

  /** Wraps the task's generations store. */
  public GenerationStore(KeyValueStore<Bytes, byte[]> store) {
    this.store = store;
  }

  /** Stores {@code entry} at its queue position (insert or update). */
  public void put(String conversationId, GenerationEntry entry) {
    store.put(StoreKeys.generationKey(conversationId, entry.seq()), GenerationEntryCodec.encode(entry));
  }

  /** The first request in the conversation's queue, if any. */
  public Optional<GenerationEntry> head(String conversationId) {
    try (KeyValueIterator<Bytes, byte[]> it = scan(conversationId)) {
      return it.hasNext() ? Optional.of(GenerationEntryCodec.decode(it.next().value)) : Optional.empty();
    }
  }

  /** Every request of the conversation, in queue order. */
  public List<GenerationEntry> entries(String conversationId) {
    List<GenerationEntry> entries = new ArrayList<>();
    try (KeyValueIterator<Bytes, byte[]> it = scan(conversationId)) {
      it.forEachRemaining(kv -> entries.add(GenerationEntryCodec.decode(kv.value)));
    }
    return entries;
  }

  /** Removes the request at {@code seq}. */
  public void remove(String conversationId, long seq) {
    store.delete(StoreKeys.generationKey(conversationId, seq));
  }

  /** Removes every request of the conversation. */
  public void removeAll(String conversationId) {
    for (GenerationEntry entry : entries(conversationId)) {
      remove(conversationId, entry.seq());
    }
  }

  /** The conversations that have at least one request, each once, in key order. */
  public List<String> conversations() {
    List<String> conversations = new ArrayList<>();
    try (KeyValueIterator<Bytes, byte[]> it = store.all()) {
      String last = null;
      while (it.hasNext()) {
        KeyValue<Bytes, byte[]> kv = it.next();
        String conversation = StoreKeys.conversationOf(kv.key);
        if (!conversation.equals(last)) {
          conversations.add(conversation);
          last = conversation;
        }
      }
    }
    return conversations;
  }

  private KeyValueIterator<Bytes, byte[]> scan(String conversationId) {
    return store.prefixScan(StoreKeys.conversationPrefix(conversationId), PREFIX_SERIALIZER);
  }
}
