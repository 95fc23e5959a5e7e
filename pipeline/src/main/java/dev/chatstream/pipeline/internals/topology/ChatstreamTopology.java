package dev.chatstream.pipeline.internals.topology;

import dev.chatstream.events.ConversationEvent;
import dev.chatstream.pipeline.Topics;
import dev.chatstream.pipeline.internals.inbound.CommandMapper;
import dev.chatstream.pipeline.internals.state.ConversationStore;
import dev.chatstream.pipeline.internals.state.GenerationStore;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * Builds chatstream's topology:
 *
 * <pre>
 * conversations ─► decoder ─► conversation processor ─► chunks, function-calls, errors, metrics,
 *                     │             (stores: items,       replies, conversations (generated items),
 *                     └─► dlq        index, headers,       dlq
 *                                    generations)
 * </pre>
 */
public final class ChatstreamTopology {
  /** The source node reading the conversations topic. */
  public static final String SOURCE = "conversations-source";
  /** The node that decodes and checks input records. */
  public static final String DECODER = "event-decoder";
  /** The conversation processor node. */
  public static final String PROCESSOR = "conversation-processor";

  private ChatstreamTopology() {}

  /**
   * Everything the topology is built from.
   *
   * @param topics topic names
   * @param applicationId the streams application id (marks generated items)
   * @param eventDeserializer reads input events
   * @param outputSerializer writes every output event
   * @param commands checks input events
   * @param maxEventBytes the largest input event accepted
   * @param processor what every conversation processor shares
   */
  public record Settings(
      Topics topics,
      String applicationId,
      Deserializer<ConversationEvent> eventDeserializer,
      Serializer<SpecificRecord> outputSerializer,
      CommandMapper commands,
      int maxEventBytes,
      ConversationProcessor.Settings processor) {}

  /** The topology for {@code settings}. */
  public static Topology build(Settings settings) {
    Topics topics = settings.topics();
    Topology topology = new Topology();
    topology.addSource(SOURCE, new StringDeserializer(), Serdes.ByteArray().deserializer(), topics.conversations());
    topology.addProcessor(DECODER, () -> new EventDecoder(settings.eventDeserializer(), settings.commands(),
        settings.maxEventBytes(), settings.applicationId()), SOURCE);
    topology.addProcessor(PROCESSOR, () -> new ConversationProcessor(settings.processor()), DECODER);
    topology.addStateStore(store(ConversationStore.ITEMS), PROCESSOR);
    topology.addStateStore(store(ConversationStore.INDEX), PROCESSOR);
    topology.addStateStore(store(ConversationStore.HEADERS).withCachingEnabled(), PROCESSOR);
    topology.addStateStore(store(GenerationStore.NAME).withCachingEnabled(), PROCESSOR);

    @SuppressWarnings({"unchecked", "rawtypes"})
    Serializer<Object> events = (Serializer) settings.outputSerializer();
    StringSerializer keys = new StringSerializer();
    topology.addSink(SinkNodes.CHUNKS, topics.chunks(), keys, events, PROCESSOR);
    topology.addSink(SinkNodes.FUNCTION_CALLS, topics.functionCalls(), keys, events, PROCESSOR);
    topology.addSink(SinkNodes.ERRORS, topics.errors(), keys, events, PROCESSOR);
    topology.addSink(SinkNodes.METRICS, topics.metrics(), keys, events, PROCESSOR);
    topology.addSink(SinkNodes.REPLIES, topics.replies(), keys, events, PROCESSOR);
    topology.addSink(SinkNodes.CONVERSATIONS, topics.conversations(), keys, events, PROCESSOR);
    @SuppressWarnings({"unchecked", "rawtypes"})
    Serializer<Object> raw = (Serializer) new ByteArraySerializer();
    topology.addSink(SinkNodes.DLQ, topics.dlq(), keys, raw, DECODER, PROCESSOR);
    return topology;
  }

  private static StoreBuilder<KeyValueStore<Bytes, byte[]>> store(String name) {
    return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.Bytes(), Serdes.ByteArray());
  }
}
