package dev.chatstream.pipeline;

import dev.chatstream.pipeline.LlmRegistry;
import dev.chatstream.pipeline.Topics;
import dev.chatstream.pipeline.broker.TopicAdmin;
import dev.chatstream.pipeline.broker.TopicSpec;
import dev.chatstream.pipeline.config.ChatstreamConfig;
import dev.chatstream.pipeline.internals.errors.DeadLetterProcessingHandler;
import dev.chatstream.pipeline.internals.errors.OversizedOutputHandler;
import dev.chatstream.pipeline.internals.topology.ChatstreamTopology;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The chatstream service: the topology running on Kafka Streams against a configured cluster.
 * {@link #buildTopology} and {@link #streamsConfig} are what {@link #start} runs, and what tests
 * build on.
 */
public final class ChatstreamService implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ChatstreamService.class);

  private final KafkaStreams streams;
  private final LlmRegistry registry;

  private ChatstreamService(KafkaStreams streams, LlmRegistry registry) {
    this.streams = streams;
    this.registry = registry;
  }

  /**
   * Creates the topics if they are missing and starts the topology; returns once started (the
   * streams may still be rebalancing).
   *
   * @param config the configuration, with bootstrap servers
   * @param registry the LLM profiles; closed with the service
   */
  public static ChatstreamService start(ChatstreamConfig config, LlmRegistry registry) {
    createTopics(config);
    KafkaStreams streams = new KafkaStreams(buildTopology(config, registry), streamsConfig(config));
    streams.setUncaughtExceptionHandler(exception -> {
      LOG.error("stream thread failed; replacing it", exception);
      return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
    });
    streams.start();
    return new ChatstreamService(streams, registry);
  }

  /** The topology for {@code config}, its LLM profiles served by {@code registry}. */
  public static Topology buildTopology(ChatstreamConfig config, LlmRegistry registry) {
    return ChatstreamTopology.build(config, registry);
  }

  /** Kafka Streams properties for {@code config}, with chatstream's exception handlers. */
  public static Properties streamsConfig(ChatstreamConfig config) {
    Properties props = config.streamsProperties();
    props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterProcessingHandler.class);
    props.put(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG, OversizedOutputHandler.class);
    props.put(DeadLetterProcessingHandler.DLQ_TOPIC_CONFIG, Topics.of(config).dlq().name());
    return props;
  }

  /** Creates every chatstream topic that does not exist yet. */
  public static void createTopics(ChatstreamConfig config) {
    List<TopicSpec> specs = Topics.of(config).names().stream()
        .map(name -> TopicSpec.of(name, config.topicPartitions(), config.topicReplicationFactor()))
        .toList();
    try (TopicAdmin admin = TopicAdmin.create(toMap(config.clientProperties()))) {
      admin.ensure(specs);
    }
  }

  /** The Kafka Streams state. */
  public KafkaStreams.State state() {
    return streams.state();
  }

  /** The running Kafka Streams instance. */
  public KafkaStreams streams() {
    return streams;
  }

  /**
   * Stops the streams (cancelling the calls in flight; running generations stay recorded and restart
   * on the next owner), leaves the consumer group so the partitions move at once rather than after the
   * session timeout, and closes the LLM providers.
   */
  @Override
  public void close() {
    streams.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
        .withTimeout(Duration.ofSeconds(30)));
    registry.close();
  }

  private static Map<String, Object> toMap(Properties properties) {
    Map<String, Object> map = new java.util.HashMap<>();
    properties.forEach((key, value) -> map.put(key.toString(), value));
    return map;
  }
}
