package dev.chatstream.pipeline.internals.topology;

import dev.chatstream.pipeline.Topic;
import dev.chatstream.pipeline.internals.errors.DeadLetterCounter;
import dev.chatstream.pipeline.internals.inbound.CommandMapper;
import dev.chatstream.pipeline.internals.reprocess.ReplayPlan;
import dev.chatstream.pipeline.internals.reprocess.ReplayProcessor;
import dev.chatstream.pipeline.internals.reprocess.ReplayStore;
import dev.chatstream.pipeline.internals.reprocess.RunBounds;
import dev.chatstream.pipeline.internals.state.ConversationStore;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * The topology of a reprocessing run:
 *
 * <pre>
 * live conversations ─► decoder ─► replay processor ─► &lt;prefix&gt;chunks, function-calls, errors,
 *   (up to the run's       │        (stores: items,       metrics, replies, results
 *    bounds, replayed      └─► &lt;prefix&gt;dlq   index, headers, replays)
 *    conversations only)
 * </pre>
 *
 * It reads the live input topic and writes only under the run's prefix: nothing goes back to the input.
 */
public final class ReprocessTopology {
  private ReprocessTopology() {}

  /**
   * Everything the topology is built from.
   *
   * @param input the live input topic
   * @param applicationId the run's application id
   * @param plan the requests the run replays
   * @param bounds where reading stops
   * @param maxEventBytes the largest input event accepted
   * @param processor what every replay processor shares (its topics are the run's outputs)
   */
  public record Settings(Topic<?> input, String applicationId, ReplayPlan plan, RunBounds bounds, int maxEventBytes,
      ReplayProcessor.Settings processor) {}

  /** The topology for {@code settings}. */
  public static Topology build(Settings settings) {
    String input = settings.input().name();
    RecordFilter filter = (key, partition, offset) -> offset < settings.bounds().end(input, partition)
        && key != null && settings.plan().needs(key, offset);
    var outputs = settings.processor().topics();
    Topology topology = new Topology();
    topology.addSource(ChatstreamTopology.SOURCE, new StringDeserializer(), new ByteArrayDeserializer(), input);
    topology.addProcessor(ChatstreamTopology.DECODER, () -> new EventDecoder(
        outputs.conversations().valueSerde().deserializer(), new CommandMapper(profile -> true),
        settings.maxEventBytes(), settings.applicationId(), outputs.dlq(), DeadLetterCounter.NONE, filter), ChatstreamTopology.SOURCE);
    topology.addProcessor(ChatstreamTopology.PROCESSOR, () -> new ReplayProcessor(settings.processor()),
        ChatstreamTopology.DECODER);
    topology.addStateStore(store(ConversationStore.ITEMS), ChatstreamTopology.PROCESSOR);
    topology.addStateStore(store(ConversationStore.INDEX), ChatstreamTopology.PROCESSOR);
    topology.addStateStore(store(ConversationStore.HEADERS).withCachingEnabled(), ChatstreamTopology.PROCESSOR);
    topology.addStateStore(store(ReplayStore.NAME), ChatstreamTopology.PROCESSOR);
    for (Topic<?> output : outputs.events()) {
      addSink(topology, output, ChatstreamTopology.PROCESSOR);
    }
    addSink(topology, settings.processor().results(), ChatstreamTopology.PROCESSOR);
    addSink(topology, outputs.dlq(), ChatstreamTopology.DECODER);
    return topology;
  }

  private static <V> void addSink(Topology topology, Topic<V> topic, String... parents) {
    topology.addSink(topic.sinkNode(), topic.name(), topic.keySerde().serializer(), topic.valueSerde().serializer(),
        parents);
  }

  private static StoreBuilder<KeyValueStore<Bytes, byte[]>> store(String name) {
    return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.Bytes(), Serdes.ByteArray());
  }
}
