package dev.chatstream.pipeline;

import dev.chatstream.pipeline.config.ChatstreamConfig;
import dev.chatstream.pipeline.broker.TopicAdmin;
import dev.chatstream.pipeline.broker.TopicSpec;
import dev.chatstream.pipeline.internals.errors.DeadLetterProcessingHandler;
import dev.chatstream.pipeline.internals.errors.OversizedOutputHandler;
import dev.chatstream.pipeline.internals.http.ConversationQueries;
import dev.chatstream.pipeline.internals.http.OperationsServer;
import dev.chatstream.pipeline.internals.mapping.AvroItemCodec;
import dev.chatstream.pipeline.internals.metrics.DeadLetterMeters;
import dev.chatstream.pipeline.internals.metrics.ServiceMeters;
import dev.chatstream.pipeline.internals.topology.ChatstreamTopology;
import dev.chatstream.pipeline.internals.tracing.Tracing;
import io.opentelemetry.api.OpenTelemetry;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Properties;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The chatstream service: the topology running on Kafka Streams against a configured cluster, with
 * what operating it takes: its meters (Prometheus, JMX, Kafka's own), its spans when tracing is on,
 * and its HTTP endpoints (metrics, health, conversation queries) unless they are off.
 * {@link #buildTopology} and {@link #streamsConfig} are what {@link #start} runs, and what tests
 * build on.
 */
public final class ChatstreamService implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ChatstreamService.class);

  private final KafkaStreams streams;
  private final LlmRegistry registry;
  private final ServiceMeters meters;
  private final Tracing tracing;
  private final OperationsServer http;

  private ChatstreamService(KafkaStreams streams, LlmRegistry registry, ServiceMeters meters, Tracing tracing,
      OperationsServer http) {
    this.streams = streams;
    this.registry = registry;
    this.meters = meters;
    this.tracing = tracing;
    this.http = http;
  }

  /**
   * Creates the topics if they are missing and starts the topology; returns once started (the
   * streams may still be rebalancing). With {@code tracing.enabled}, spans go to the OpenTelemetry SDK
   * the standard {@code OTEL_*} variables configure.
   *
   * @param config the configuration, with bootstrap servers
   * @param registry the LLM profiles; closed with the service
   */
  public static ChatstreamService start(ChatstreamConfig config, LlmRegistry registry) {
    return start(config, registry, Tracing.of(config));
  }

  /**
   * As {@link #start(ChatstreamConfig, LlmRegistry)}, but with {@code tracing.enabled} the spans go to
   * {@code openTelemetry}, which the caller keeps and closes.
   */
  public static ChatstreamService start(ChatstreamConfig config, LlmRegistry registry, OpenTelemetry openTelemetry) {
    return start(config, registry, Tracing.using(openTelemetry, config));
  }

  private static ChatstreamService start(ChatstreamConfig config, LlmRegistry registry, Tracing tracing) {
    createTopics(config);
    ServiceMeters meters = ServiceMeters.of(config);
    OperationsServer http = config.httpEnabled() ? OperationsServer.bind(config.httpHost(), config.httpPort()) : null;
    try {
      Properties props = streamsConfig(config);
      props.put(DeadLetterProcessingHandler.COUNTER_CONFIG, new DeadLetterMeters(meters.registry()));
      if (http != null) {
        props.putIfAbsent(StreamsConfig.APPLICATION_SERVER_CONFIG, advertisedHost(config) + ":" + http.port());
      }
      Topology topology = ChatstreamTopology.build(config, registry, meters.registry(), tracing.generations(registry));
      KafkaStreams streams = new KafkaStreams(topology, props);
      streams.setUncaughtExceptionHandler(exception -> {
        LOG.error("stream thread failed; replacing it", exception);
        return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
      });
      if (http != null) {
        HostInfo self = HostInfo.buildFromEndpoint(props.getProperty(StreamsConfig.APPLICATION_SERVER_CONFIG));
        http.serve(streams, meters, config.clientProperties(), new ConversationQueries(streams, self, new AvroItemCodec()));
      }
      streams.start();
      meters.bind(streams);
      return new ChatstreamService(streams, registry, meters, tracing, http);
    } catch (RuntimeException e) {
      if (http != null) {
        http.close();
      }
      meters.close();
      tracing.close();
      throw e;
    }
  }

  /** The topology for {@code config}, its LLM profiles served by {@code registry} (no meters, no tracing). */
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

  /** The port of the HTTP endpoints, or empty when {@code http.enabled} is off. */
  public OptionalInt httpPort() {
    return http == null ? OptionalInt.empty() : OptionalInt.of(http.port());
  }

  /**
   * Stops the HTTP endpoints and the streams (cancelling the calls in flight; running generations stay
   * recorded and restart on the next owner), leaves the consumer group so the partitions move at once
   * rather than after the session timeout, closes the LLM providers and the meters, and exports the
   * spans still held.
   */
  @Override
  public void close() {
    try {
      if (http != null) {
        http.close();
      }
      streams.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
          .withTimeout(Duration.ofSeconds(30)));
      registry.close();
    } finally {
      meters.close();
      tracing.close();
    }
  }

  /**
   * The host other instances reach this one at: {@code http.advertised.host}, else {@code http.host}
   * unless it is a wildcard address, else this machine's host name.
   */
  static String advertisedHost(ChatstreamConfig config) {
    if (config.httpAdvertisedHost().isPresent()) {
      return config.httpAdvertisedHost().get();
    }
    String host = config.httpHost();
    if (!host.equals("0.0.0.0") && !host.equals("::")) {
      return host;
    }
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      LOG.warn("this machine's host name is unknown ({}); other instances are told localhost: set {}",
          e.getMessage(), ChatstreamConfig.HTTP_ADVERTISED_HOST_CONFIG);
      return "localhost";
    }
  }

  private static Map<String, Object> toMap(Properties properties) {
    Map<String, Object> map = new java.util.HashMap<>();
    properties.forEach((key, value) -> map.put(key.toString(), value));
    return map;
  }
}
