package dev.chatstream.pipeline.internals.topology;

import dev.chatstream.llm.chat.Clock;
import dev.chatstream.pipeline.LlmRegistry;
import dev.chatstream.pipeline.Topic;
import dev.chatstream.pipeline.Topics;
import dev.chatstream.pipeline.config.ChatstreamConfig;
import dev.chatstream.pipeline.internals.generation.GenerationTracer;
import dev.chatstream.pipeline.internals.generation.InflightLimiter;
import dev.chatstream.pipeline.internals.inbound.CommandMapper;
import dev.chatstream.pipeline.internals.mapping.AvroItemCodec;
import dev.chatstream.pipeline.internals.mapping.EventRequestCodec;
import dev.chatstream.pipeline.internals.metrics.MeteredOutputSink;
import dev.chatstream.pipeline.internals.metrics.PipelineMeters;
import dev.chatstream.pipeline.internals.state.ConversationLimits;
import dev.chatstream.pipeline.internals.state.ConversationStore;
import dev.chatstream.pipeline.internals.state.GenerationStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
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
   * @param topics the topics, with their serdes
   * @param applicationId the streams application id (marks generated items)
   * @param commands checks input events
   * @param maxEventBytes the largest input event accepted
   * @param processor what every conversation processor shares
   * @param cachedHeaders whether the headers and generations stores use the record cache: only under
   *     exactly-once, where state and outputs commit together. Under at-least-once a crash loses what
   *     the cache held since the last commit while the outputs it led to are out, so a restarted
   *     request would run again under an attempt number it already used (the crash drill caught it)
   */
  public record Settings(
      Topics topics,
      String applicationId,
      CommandMapper commands,
      int maxEventBytes,
      ConversationProcessor.Settings processor,
      boolean cachedHeaders) {}

  /**
   * The topology of the service {@code config} describes, its LLM profiles served by {@code registry},
   * with no meters and no tracing.
   */
  public static Topology build(ChatstreamConfig config, LlmRegistry registry) {
    return build(config, registry, new CompositeMeterRegistry(), GenerationTracer.NONE);
  }

  /**
   * The topology of the service {@code config} describes, its LLM profiles served by {@code registry},
   * its meters registered in {@code meters}, its generations traced by {@code tracer}.
   */
  public static Topology build(ChatstreamConfig config, LlmRegistry registry, MeterRegistry meters,
      GenerationTracer tracer) {
    Topics topics = Topics.of(config);
    InflightLimiter limiter = new InflightLimiter(config.maxInflightGenerations());
    PipelineMeters pipelineMeters = new PipelineMeters(meters, registry, limiter);
    ConversationProcessor.OutputSinkFactory avro = AvroOutputSink.factory(topics, config.applicationId());
    ConversationProcessor.Settings processor = new ConversationProcessor.Settings(
        registry,
        limiter,
        new AvroItemCodec(),
        new EventRequestCodec(topics.conversations()),
        context -> new MeteredOutputSink(avro.create(context), pipelineMeters),
        topics.dlq(),
        new ConversationLimits(config.conversationMaxItems(), config.conversationMaxBytes()),
        config.drainInterval(),
        config.drainMaxEvents(),
        config.drainBudget(),
        config.firstChunkCommit().map(FirstChunkCommits::every).orElseGet(FirstChunkCommits::never),
        pipelineMeters,
        tracer,
        Clock::nowSeconds);
    return build(new Settings(topics, config.applicationId(), new CommandMapper(registry), config.eventMaxBytes(),
        processor, config.exactlyOnce()));
  }

  /** The topology for {@code settings}. */
  public static Topology build(Settings settings) {
    Topics topics = settings.topics();
    Topology topology = new Topology();
    topology.addSource(SOURCE, new StringDeserializer(), new ByteArrayDeserializer(), topics.conversations().name());
    topology.addProcessor(DECODER, () -> new EventDecoder(topics.conversations().valueSerde().deserializer(),
        settings.commands(), settings.maxEventBytes(), settings.applicationId(), topics.dlq(),
        settings.processor().meters().deadLetters(), RecordFilter.ALL), SOURCE);
    topology.addProcessor(PROCESSOR, () -> new ConversationProcessor(settings.processor()), DECODER);
    topology.addStateStore(store(ConversationStore.ITEMS), PROCESSOR);
    topology.addStateStore(store(ConversationStore.INDEX), PROCESSOR);
    topology.addStateStore(cached(store(ConversationStore.HEADERS), settings.cachedHeaders()), PROCESSOR);
    topology.addStateStore(cached(store(GenerationStore.NAME), settings.cachedHeaders()), PROCESSOR);
    for (Topic<?> output : topics.events()) {
      addSink(topology, output, PROCESSOR);
    }
    addSink(topology, topics.conversations(), PROCESSOR);
    addSink(topology, topics.dlq(), DECODER, PROCESSOR);
    return topology;
  }

  private static <V> void addSink(Topology topology, Topic<V> topic, String... parents) {
    topology.addSink(topic.sinkNode(), topic.name(), topic.keySerde().serializer(), topic.valueSerde().serializer(),
        parents);
  }

  private static StoreBuilder<KeyValueStore<Bytes, byte[]>> cached(StoreBuilder<KeyValueStore<Bytes, byte[]>> store,
      boolean cached) {
    return cached ? store.withCachingEnabled() : store;
  }

  private static StoreBuilder<KeyValueStore<Bytes, byte[]>> store(String name) {
    return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.Bytes(), Serdes.ByteArray());
  }
}
