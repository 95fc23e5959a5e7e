package dev.chatstream.bench;

import dev.chatstream.pipeline.internals.mapping.AvroItemCodec;
import dev.chatstream.pipeline.internals.state.ConversationLimits;
import dev.chatstream.pipeline.internals.state.ConversationStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * The conversation stores of one task, built as the topology builds them (persistent RocksDB
 * key-value stores, no cache) and opened in a directory of their own through Kafka Streams'
 * {@link MockProcessorContext}. Changelogging is off (there is no broker behind the context); it
 * adds a constant three records per appended item in the running pipeline.
 */
final class GrowthStores implements AutoCloseable {
  private final List<KeyValueStore<Bytes, byte[]>> stores = new ArrayList<>();
  private final ConversationStore conversations;

  GrowthStores(Path stateDir, int maxItems) {
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "chatstream-bench-growth");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    MockProcessorContext<Object, Object> context = new MockProcessorContext<>(props, new TaskId(0, 0), stateDir.toFile());
    conversations = new ConversationStore(open(ConversationStore.ITEMS, context), open(ConversationStore.INDEX, context),
        open(ConversationStore.HEADERS, context), new AvroItemCodec(), new ConversationLimits(maxItems, Long.MAX_VALUE));
  }

  ConversationStore conversations() {
    return conversations;
  }

  /** Writes the memtables out, as a commit of the running pipeline does. */
  void flush() {
    stores.forEach(store -> store.commit(Map.of()));
  }

  @Override
  public void close() {
    stores.forEach(KeyValueStore::close);
  }

  private KeyValueStore<Bytes, byte[]> open(String name, MockProcessorContext<Object, Object> context) {
    KeyValueStore<Bytes, byte[]> store = Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(name), Serdes.Bytes(), Serdes.ByteArray())
        .withLoggingDisabled()
        .build();
    store.init(context.getStateStoreContext(), store);
    stores.add(store);
    return store;
  }
}
