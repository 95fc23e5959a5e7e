package dev.chatstream.pipeline.config;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;

/** Maps chatstream settings to Kafka Streams and Kafka client properties. */
final class StreamsSettings {

  /** Prefixes of {@code kafka.*} settings meant for one of Kafka Streams' clients only. */
  private static final List<String> STREAMS_CLIENT_PREFIXES = List.of(StreamsConfig.PRODUCER_PREFIX,
      StreamsConfig.CONSUMER_PREFIX, StreamsConfig.MAIN_CONSUMER_PREFIX, StreamsConfig.RESTORE_CONSUMER_PREFIX,
      StreamsConfig.GLOBAL_CONSUMER_PREFIX, StreamsConfig.ADMIN_CLIENT_PREFIX, StreamsConfig.TOPIC_PREFIX);

  /** Room for the record batch around the largest event. */
  private static final int RECORD_OVERHEAD_BYTES = 64 * 1024;
  private static final int KAFKA_DEFAULT_MAX_REQUEST_SIZE =
      (int) ProducerConfig.configDef().defaultValues().get(ProducerConfig.MAX_REQUEST_SIZE_CONFIG);

  private StreamsSettings() {}

  static Properties of(ChatstreamConfig config, String bootstrapServers) {
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, config.applicationId());
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, config.processingGuarantee());
    props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, config.commitInterval().toMillis());
    props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, config.numStreamThreads());
    props.put(StreamsConfig.STATE_DIR_CONFIG, config.stateDir().toString());
    props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, (int) config.topicReplicationFactor());
    // the drain punctuator runs on the stream thread, which otherwise sits up to 100 ms in poll
    props.put(StreamsConfig.POLL_MS_CONFIG, config.drainInterval().toMillis());
    // Kafka Streams' producers linger 100 ms by default; chunks should leave at once
    props.put(StreamsConfig.producerPrefix(ProducerConfig.LINGER_MS_CONFIG), 0);
    // one produce request at a time per broker: what arrives while one is out leaves in the next, so
    // batches grow with the load instead of the broker handling many small requests
    props.put(StreamsConfig.producerPrefix(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION), 1);
    props.put(StreamsConfig.producerPrefix(ProducerConfig.MAX_REQUEST_SIZE_CONFIG), maxRequestSize(config));
    // the behaviour Kafka Streams makes the default in 5.0 (and warns about until then)
    props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
    config.kafkaClientSettings().forEach(props::put);
    return props;
  }

  static Properties client(ChatstreamConfig config, String bootstrapServers) {
    Properties props = new Properties();
    props.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    config.kafkaClientSettings().forEach((key, value) -> {
      if (STREAMS_CLIENT_PREFIXES.stream().noneMatch(key::startsWith)) {
        props.put(key, value);
      }
    });
    return props;
  }

  /** Kafka Streams' own commit interval for {@code guarantee}, when chatstream's config names none. */
  static long defaultCommitIntervalMs(String guarantee) {
    Map<String, Object> minimal = Map.of(StreamsConfig.APPLICATION_ID_CONFIG, "defaults",
        StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:0", StreamsConfig.PROCESSING_GUARANTEE_CONFIG, guarantee,
        StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
    return new StreamsConfig(minimal).getLong(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG);
  }

  private static int maxRequestSize(ChatstreamConfig config) {
    return Math.max(KAFKA_DEFAULT_MAX_REQUEST_SIZE, config.eventMaxBytes() + RECORD_OVERHEAD_BYTES);
  }
}
