package dev.chatstream.pipeline.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChatstreamConfigTest {

  @TempDir
  Path dir;

  @Test
  void defaultsDescribeAnEmbeddedBrokerRun() {
    ChatstreamConfig config = ChatstreamConfig.of(Map.of());
    assertEquals(Optional.empty(), config.bootstrapServers());
    assertTrue(config.usesEmbeddedBroker());
    assertEquals("localhost", config.embeddedBrokerHost());
    assertEquals(9092, config.embeddedBrokerPort());
    assertEquals(Path.of("./.chatstream"), config.dataDir());
    assertEquals(Path.of("./.chatstream/kafka"), config.embeddedBrokerDataDir());
    assertEquals(Path.of("./.chatstream/state"), config.stateDir());
    assertEquals("chatstream", config.applicationId());
    assertEquals("chatstream.", config.topicPrefix());
    assertEquals(6, config.topicPartitions());
    assertEquals((short) 1, config.topicReplicationFactor());
    assertEquals("at_least_once", config.processingGuarantee());
    assertFalse(config.exactlyOnce());
    assertEquals(Duration.ofSeconds(30), config.commitInterval());
    assertEquals(1, config.numStreamThreads());
    assertEquals(Duration.ofMillis(1), config.drainInterval());
    assertEquals(10_000, config.drainMaxEvents());
    assertEquals(Duration.ofMillis(20), config.drainBudget());
    assertEquals(64, config.maxInflightGenerations());
    assertEquals(10_000, config.conversationMaxItems());
    assertEquals(16L * 1024 * 1024, config.conversationMaxBytes());
    assertEquals(1_000_000, config.eventMaxBytes());
    assertEquals("single-object", config.serde());
    assertEquals(Optional.empty(), config.serdeRegistryClass());
    assertEquals("default", config.llmProfiles().defaultProfile().name());
  }

  @Test
  void overridesBeatEnvironmentWhichBeatsFileWhichBeatsDefaults() throws Exception {
    Path file = dir.resolve("chatstream.properties");
    Files.writeString(file, """
        topic.prefix = file.
        application.id = from-file
        topic.partitions = 3
        """);
    ChatstreamConfig config = ChatstreamConfig.sources()
        .file(file)
        .environment(Map.of("CHATSTREAM_TOPIC_PREFIX", "env.", "CHATSTREAM_APPLICATION_ID", "from-env"))
        .override("topic.prefix", "override.")
        .load();
    assertEquals("override.", config.topicPrefix());
    assertEquals("from-env", config.applicationId());
    assertEquals(3, config.topicPartitions());
    assertEquals(1, config.numStreamThreads());
    String description = config.describe();
    assertTrue(description.contains("topic.prefix = override.  (override)"), description);
    assertTrue(description.contains("application.id = from-env  (environment CHATSTREAM_APPLICATION_ID)"),
        description);
    assertTrue(description.contains("topic.partitions = 3  (file " + file + ")"), description);
    assertTrue(description.contains("num.stream.threads = 1  (default)"), description);
  }

  @Test
  void environmentNamesUseUpperCaseWithUnderscoresForDotsAndDashes() {
    ChatstreamConfig config = ChatstreamConfig.sources().environment(Map.of(
        "CHATSTREAM_EMBEDDED_BROKER_PORT", "19092",
        "CHATSTREAM_MAX_INFLIGHT_GENERATIONS", "8",
        "CHATSTREAM_LLM_FAST_BASE_URL", "http://localhost:11434/v1",
        "CHATSTREAM_LLM_FAST_MODEL", "llama3.2",
        "CHATSTREAM_KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
        "CHATSTREAM_JAVA_OPTS", "-Xmx1g")).load();
    assertEquals(19092, config.embeddedBrokerPort());
    assertEquals(8, config.maxInflightGenerations());
    LlmProfile fast = config.llmProfiles().find("fast").orElseThrow();
    assertEquals(Optional.of("http://localhost:11434/v1"), fast.baseUrl());
    assertEquals(Optional.of("llama3.2"), fast.model());
    assertEquals(Map.of("security.protocol", "SASL_SSL"), config.kafkaClientSettings());
  }

  @Test
  void unknownSettingInFileOrOverridesIsAnError() throws Exception {
    Path file = dir.resolve("typo.properties");
    Files.writeString(file, "topic.prefx=x.\n");
    ConfigException inFile = assertThrows(ConfigException.class,
        () -> ChatstreamConfig.sources().environment(Map.of()).file(file).load());
    assertTrue(inFile.getMessage().startsWith("Unknown setting 'topic.prefx' in " + file), inFile.getMessage());
    ConfigException inOverride = assertThrows(ConfigException.class,
        () -> ChatstreamConfig.of(Map.of("num.threads", "2")));
    assertTrue(inOverride.getMessage().contains("'num.threads'"), inOverride.getMessage());
  }

  @Test
  void missingFileIsAnError() {
    Path missing = dir.resolve("absent.properties");
    ConfigException error = assertThrows(ConfigException.class,
        () -> ChatstreamConfig.sources().environment(Map.of()).file(missing).load());
    assertEquals("Configuration file " + missing + " does not exist", error.getMessage());
  }

  @Test
  void invalidValuesAreRejectedWithTheSettingName() {
    ConfigException guarantee = assertThrows(ConfigException.class,
        () -> ChatstreamConfig.of(Map.of("processing.guarantee", "exactly_once")));
    assertTrue(guarantee.getMessage().contains("processing.guarantee"), guarantee.getMessage());
    assertTrue(guarantee.getMessage().contains("exactly_once_v2"), guarantee.getMessage());
    assertThrows(ConfigException.class, () -> ChatstreamConfig.of(Map.of("topic.partitions", "0")));
    assertThrows(ConfigException.class, () -> ChatstreamConfig.of(Map.of("embedded.broker.port", "70000")));
    assertThrows(ConfigException.class, () -> ChatstreamConfig.of(Map.of("drain.interval.ms", "zero")));
    assertThrows(ConfigException.class, () -> ChatstreamConfig.of(Map.of("topic.prefix", "bad prefix")));
    assertThrows(ConfigException.class, () -> ChatstreamConfig.of(Map.of("serde", "json")));
  }

  @Test
  void registrySerdeNeedsItsClass() {
    ConfigException error = assertThrows(ConfigException.class,
        () -> ChatstreamConfig.of(Map.of("serde", "registry")));
    assertTrue(error.getMessage().contains("serde.registry.class"), error.getMessage());
    ChatstreamConfig config = ChatstreamConfig.of(Map.of("serde", "registry",
        "serde.registry.class", "org.apache.kafka.common.serialization.Serdes$StringSerde"));
    assertEquals("org.apache.kafka.common.serialization.Serdes$StringSerde",
        config.serdeRegistryClass().orElseThrow().getName());
  }

  @Test
  void commitIntervalDefaultsToKafkaStreamsDefaultOfTheGuarantee() {
    assertEquals(Duration.ofMillis(100),
        ChatstreamConfig.of(Map.of("processing.guarantee", "exactly_once_v2")).commitInterval());
    assertEquals(Duration.ofMillis(250), ChatstreamConfig.of(Map.of("processing.guarantee", "exactly_once_v2",
        "commit.interval.ms", "250")).commitInterval());
  }

  @Test
  void streamsPropertiesNeedBootstrapServers() {
    ChatstreamConfig embedded = ChatstreamConfig.of(Map.of());
    assertThrows(IllegalStateException.class, embedded::streamsProperties);
    assertThrows(IllegalStateException.class, embedded::clientProperties);
    ChatstreamConfig joined = embedded.withBootstrapServers("localhost:1234");
    assertEquals(Optional.of("localhost:1234"), joined.bootstrapServers());
    assertEquals("localhost:1234", joined.streamsProperties().get(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG));
    assertTrue(joined.describe().contains("bootstrap.servers = localhost:1234  (set at run time)"));
  }

  @Test
  void streamsPropertiesCarryTheSettingsAndLowLatencyTuning() {
    ChatstreamConfig config = ChatstreamConfig.of(Map.of(
        "bootstrap.servers", "broker:9092",
        "application.id", "app",
        "processing.guarantee", "exactly_once_v2",
        "num.stream.threads", "3",
        "state.dir", "/var/chatstream/state",
        "topic.replication.factor", "3",
        "drain.interval.ms", "7",
        "event.max.bytes", "5000000",
        "kafka.producer.compression.type", "zstd"));
    Properties props = config.streamsProperties();
    assertEquals("app", props.get(StreamsConfig.APPLICATION_ID_CONFIG));
    assertEquals("broker:9092", props.get(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG));
    assertEquals("exactly_once_v2", props.get(StreamsConfig.PROCESSING_GUARANTEE_CONFIG));
    assertEquals(100L, props.get(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG));
    assertEquals(3, props.get(StreamsConfig.NUM_STREAM_THREADS_CONFIG));
    assertEquals("/var/chatstream/state", props.get(StreamsConfig.STATE_DIR_CONFIG));
    assertEquals(3, props.get(StreamsConfig.REPLICATION_FACTOR_CONFIG));
    assertEquals(7L, props.get(StreamsConfig.POLL_MS_CONFIG));
    assertEquals(0, props.get("producer.linger.ms"));
    assertEquals(1, props.get("producer.max.in.flight.requests.per.connection"));
    assertEquals(5_000_000 + 64 * 1024, props.get("producer.max.request.size"));
    assertEquals("zstd", props.get("producer.compression.type"));
    assertEquals(true, props.get(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG));
    StreamsConfig parsed = new StreamsConfig(props);
    assertEquals("exactly_once_v2", parsed.getString(StreamsConfig.PROCESSING_GUARANTEE_CONFIG));
  }

  @Test
  void kafkaSettingsOverrideTheTuning() {
    Properties props = ChatstreamConfig.of(Map.of("bootstrap.servers", "b:1", "kafka.producer.linger.ms", "5"))
        .streamsProperties();
    assertEquals("5", props.get("producer.linger.ms"));
  }

  @Test
  void clientPropertiesLeaveOutKafkaStreamsClientPrefixes() {
    Properties props = ChatstreamConfig.of(Map.of("bootstrap.servers", "b:1",
        "kafka.security.protocol", "SSL", "kafka.producer.linger.ms", "5")).clientProperties();
    assertEquals(Map.of("bootstrap.servers", "b:1", "security.protocol", "SSL"), Map.copyOf(props));
  }

  @Test
  void describeAndToStringHideSecrets() {
    ChatstreamConfig config = ChatstreamConfig.sources()
        .environment(Map.of("OPENAI_API_KEY", "sk-from-env"))
        .override("llm.gpt.api-key", "sk-in-config")
        .override("kafka.sasl.jaas.config", "PlainLoginModule required password=\"p4ss\";")
        .override("kafka.ssl.key.password", "p4ss2")
        .override("kafka.basic.auth.user.info", "registry-user:p4ss3")
        .load();
    for (String text : new String[] {config.describe(), config.toString()}) {
      assertFalse(text.contains("sk-from-env"), text);
      assertFalse(text.contains("sk-in-config"), text);
      assertFalse(text.contains("p4ss"), text);
      assertTrue(text.contains("llm.gpt.api-key = [hidden]"), text);
      assertTrue(text.contains("kafka.sasl.jaas.config = [hidden]"), text);
      assertTrue(text.contains("kafka.basic.auth.user.info = [hidden]"), text);
      assertTrue(text.contains("gpt: openai, model gpt-4.1, api key [hidden]"), text);
    }
  }

  @Test
  void operatingDefaultsServeHttpAndMetricsWithTracingOff() {
    ChatstreamConfig config = ChatstreamConfig.of(Map.of());
    assertTrue(config.httpEnabled());
    assertEquals("0.0.0.0", config.httpHost());
    assertEquals(8080, config.httpPort());
    assertEquals(Optional.empty(), config.httpAdvertisedHost());
    assertTrue(config.metricsEnabled() && config.metricsJmxEnabled());
    assertFalse(config.tracingEnabled() || config.tracingContentEnabled());
    assertEquals(Optional.of("chatstream-2"),
        ChatstreamConfig.of(Map.of("http.advertised.host", " chatstream-2 ")).httpAdvertisedHost());
    assertThrows(ConfigException.class, () -> ChatstreamConfig.of(Map.of("http.advertised.host", "a host")));
    assertThrows(ConfigException.class, () -> ChatstreamConfig.of(Map.of("http.advertised.host", "h:1")));
    assertThrows(ConfigException.class, () -> ChatstreamConfig.of(Map.of("http.port", "-1")));
    assertThrows(ConfigException.class, () -> ChatstreamConfig.of(Map.of("tracing.enabled", "maybe")));
  }

  @Test
  void configDefDeclaresEverySettingWithDocumentation() {
    var keys = ChatstreamConfig.configDef().configKeys();
    assertEquals(33, keys.size());
    keys.values().forEach(key -> assertFalse(key.documentation.isBlank(), key.name));
    LlmProfileConfig.configDef().configKeys().values()
        .forEach(key -> assertFalse(key.documentation.isBlank(), key.name));
  }
}
