package dev.chatstream.pipeline.internals.reprocess;

import dev.chatstream.pipeline.internals.state.StoreKeys;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/** The requests a run's task replays and has not finished, one store entry each, keyed by conversation and seq. */
public final class ReplayStore {
  /** The store's name in the topology. */
  public static final String NAME = "replays";

  private final KeyValueStore<Bytes, byte[]> store;

  /** Wraps the task's replays store. */
  public ReplayStore(KeyValueStore<Bytes, byte[]> store) {
    this.store = store;
  }

  /** Stores {@code entry} (insert or update). */
  void put(String conversationId, ReplayEntry entry) {
    store.put(StoreKeys.generationKey(conversationId, entry.seq()), ReplayEntryCodec.encode(entry));
  }

  /** Removes the entry at {@code seq}. */
  void remove(String conversationId, long seq) {
    store.delete(StoreKeys.generationKey(conversationId, seq));
  }

  /** Every entry of the task, with its conversation, in key order. */
  List<KeyValue<String, ReplayEntry>> all() {
    List<KeyValue<String, ReplayEntry>> entries = new ArrayList<>();
    try (KeyValueIterator<Bytes, byte[]> it = store.all()) {
      it.forEachRemaining(kv -> entries.add(KeyValue.pair(StoreKeys.conversationOf(kv.key),
          ReplayEntryCodec.decode(kv.value))));
    }
    return entries;
  }
}
