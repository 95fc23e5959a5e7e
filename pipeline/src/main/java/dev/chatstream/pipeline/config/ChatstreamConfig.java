package dev.chatstream.pipeline.config;

import dev.chatstream.schemas.EventSerdeConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.NonEmptyString;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.ValidString;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/**
 * Every chatstream setting, declared once with its type, default, validator, importance and doc, in the
 * style of Kafka's own configs. Load it with {@link #sources()}: command-line overrides win over the
 * environment ({@code CHATSTREAM_} + the key in upper case with {@code _} for {@code .} and {@code -},
 * e.g. {@code CHATSTREAM_TOPIC_PREFIX}), which wins over a properties file, which wins over the defaults.
 *
 * <p>Besides the settings declared here, the configuration holds LLM profiles
 * ({@code llm.<profile>.<key>}, see {@link LlmProfileConfig}), parsed into {@link #llmProfiles()}, and
 * Kafka client settings ({@code kafka.<client setting>}, e.g. {@code kafka.security.protocol}), passed as
 * they are to Kafka Streams and the other clients. Any other key is an error, so a misspelt setting
 * never goes unnoticed (unknown {@code CHATSTREAM_} environment variables are ignored, since the
 * environment is shared).
 *
 * <p>{@link #describe()} and {@link #toString()} list the effective settings with where each came from;
 * secrets print as {@code [hidden]}.
 */
public final class ChatstreamConfig extends AbstractConfig {

  /** The prefix of Kafka client settings passed through as they are. */
  public static final String KAFKA_PREFIX = "kafka.";

  public static final String BOOTSTRAP_SERVERS_CONFIG = "bootstrap.servers";
  private static final String BOOTSTRAP_SERVERS_DOC = "The Kafka cluster to join (host:port,...). Empty: "
      + "start an embedded single-node broker in this process.";

  public static final String EMBEDDED_BROKER_HOST_CONFIG = "embedded.broker.host";
  private static final String EMBEDDED_BROKER_HOST_DOC = "The host the embedded broker listens on.";

  public static final String EMBEDDED_BROKER_PORT_CONFIG = "embedded.broker.port";
  private static final String EMBEDDED_BROKER_PORT_DOC = "The port the embedded broker listens on (0: any free "
      + "port).";

  public static final String DATA_DIR_CONFIG = "data.dir";
  private static final String DATA_DIR_DOC = "Where chatstream keeps its files: the embedded broker's log in "
      + "<data.dir>/kafka and, unless state.dir says otherwise, Kafka Streams state in <data.dir>/state.";

  public static final String APPLICATION_ID_CONFIG = "application.id";
  private static final String APPLICATION_ID_DOC = "The Kafka Streams application id: instances with the same "
      + "id share the work; it also prefixes internal topics and names the consumer group.";

  public static final String TOPIC_PREFIX_CONFIG = "topic.prefix";
  private static final String TOPIC_PREFIX_DOC = "The prefix of every chatstream topic (conversations, "
      + "chunks, ...).";

  public static final String TOPIC_INPUT_CONFIG = "topic.input";
  private static final String TOPIC_INPUT_DOC = "The input topic of conversation events. Empty: "
      + "<topic.prefix>conversations.";

  public static final String TOPIC_OUTPUT_PREFIX_CONFIG = "topic.output.prefix";
  private static final String TOPIC_OUTPUT_PREFIX_DOC = "The prefix of the output topics (chunks, function-calls, "
      + "errors, metrics, replies, dlq). Empty: topic.prefix. Applications sharing a cluster and an input topic "
      + "keep their outputs apart with it.";

  public static final String TOPIC_PARTITIONS_CONFIG = "topic.partitions";
  private static final String TOPIC_PARTITIONS_DOC = "Partitions of the topics chatstream creates; the upper "
      + "bound of instances (and stream threads) that share the work.";

  public static final String TOPIC_REPLICATION_FACTOR_CONFIG = "topic.replication.factor";
  private static final String TOPIC_REPLICATION_FACTOR_DOC = "Replicas of the topics chatstream and Kafka "
      + "Streams create (1 for the embedded broker; 3 on a production cluster).";

  public static final String PROCESSING_GUARANTEE_CONFIG = "processing.guarantee";
  private static final String PROCESSING_GUARANTEE_DOC = "at_least_once (lowest latency; consumers drop "
      + "repeats by request id, attempt and sequence) or exactly_once_v2 (transactions; read_committed "
      + "consumers see output at each commit).";
  public static final String AT_LEAST_ONCE = "at_least_once";
  public static final String EXACTLY_ONCE_V2 = "exactly_once_v2";

  public static final String COMMIT_INTERVAL_MS_CONFIG = "commit.interval.ms";
  private static final String COMMIT_INTERVAL_MS_DOC = "How often Kafka Streams commits. Unset: Kafka "
      + "Streams' default for the guarantee (30000 for at_least_once, 100 for exactly_once_v2). Under "
      + "exactly_once_v2 this bounds how late read_committed consumers see chunks.";

  public static final String FIRST_CHUNK_COMMIT_MS_CONFIG = "first.chunk.commit.ms";
  private static final String FIRST_CHUNK_COMMIT_MS_DOC = "Under exactly_once_v2, the longest a generation's "
      + "first chunk waits for a commit: a commit is requested this soon after a first chunk is forwarded, and "
      + "such requests are at most this frequent on each stream thread. -1: commits follow commit.interval.ms "
      + "alone. Ignored under at_least_once, where chunks are visible at once.";

  public static final String NUM_STREAM_THREADS_CONFIG = "num.stream.threads";
  private static final String NUM_STREAM_THREADS_DOC = "Kafka Streams threads in this instance.";

  public static final String STATE_DIR_CONFIG = "state.dir";
  private static final String STATE_DIR_DOC = "Kafka Streams' state directory. Empty: <data.dir>/state.";

  public static final String DRAIN_INTERVAL_MS_CONFIG = "drain.interval.ms";
  private static final String DRAIN_INTERVAL_MS_DOC = "How often the stream thread drains provider events "
      + "into output records (a wall-clock punctuator); also the longest a stream thread waits in poll.";

  public static final String DRAIN_MAX_EVENTS_CONFIG = "drain.max.events";
  private static final String DRAIN_MAX_EVENTS_DOC = "The most provider events one drain hands over; the rest "
      + "wait for the next drain, so that polls and commits of the stream thread are not held up.";

  public static final String DRAIN_BUDGET_MS_CONFIG = "drain.budget.ms";
  private static final String DRAIN_BUDGET_MS_DOC = "How long one drain may hand provider events over before it "
      + "leaves the rest to the next drain (at least one event is handed over each time).";

  public static final String MAX_INFLIGHT_GENERATIONS_CONFIG = "max.inflight.generations";
  private static final String MAX_INFLIGHT_GENERATIONS_DOC = "Generations running at once in this instance; "
      + "the rest wait in the generations store.";

  public static final String CONVERSATION_MAX_ITEMS_CONFIG = "conversation.max.items";
  private static final String CONVERSATION_MAX_ITEMS_DOC = "Items one conversation may hold; going past it is "
      + "an error event, never a silent drop.";

  public static final String CONVERSATION_MAX_BYTES_CONFIG = "conversation.max.bytes";
  private static final String CONVERSATION_MAX_BYTES_DOC = "Bytes one conversation may hold in the store; "
      + "going past it is an error event.";

  public static final String EVENT_MAX_BYTES_CONFIG = "event.max.bytes";
  private static final String EVENT_MAX_BYTES_DOC = "The largest event accepted; a larger one goes to the "
      + "dead-letter topic. The default stays below Kafka's default record size limit.";

  public static final String DEFAULT_LLM_CONFIG = "default.llm";
  private static final String DEFAULT_LLM_DOC = "The LLM profile used when a request names none. When no "
      + "profile of that name is configured and the name is 'default', chatstream uses OpenAI if "
      + "OPENAI_API_KEY is set, and the offline provider otherwise.";

  public static final String SERDE_CONFIG = "serde";
  private static final String SERDE_DOC = "single-object: Avro binary with Avro's single-object encoding (any "
      + "Avro reader with the .avsc decodes it); registry: a schema-registry serde named by "
      + "serde.registry.class.";
  public static final String SERDE_SINGLE_OBJECT = "single-object";
  public static final String SERDE_REGISTRY = "registry";

  public static final String SERDE_REGISTRY_CLASS_CONFIG = "serde.registry.class";
  private static final String SERDE_REGISTRY_CLASS_DOC = "With serde=registry: the Kafka Serde class to use "
      + "(a user-supplied jar on the classpath).";

  public static final String HTTP_ENABLED_CONFIG = "http.enabled";
  private static final String HTTP_ENABLED_DOC = "Serve the HTTP endpoints: /metrics (Prometheus), /health/live, "
      + "/health/ready and /conversations/{id}. Off: no HTTP port, and conversations cannot be queried.";

  public static final String HTTP_HOST_CONFIG = "http.host";
  private static final String HTTP_HOST_DOC = "The address the HTTP endpoints listen on (0.0.0.0: every interface). "
      + "They answer with conversation content: keep the port inside the cluster's network.";

  public static final String HTTP_PORT_CONFIG = "http.port";
  private static final String HTTP_PORT_DOC = "The port of the HTTP endpoints (0: any free port).";

  public static final String HTTP_ADVERTISED_HOST_CONFIG = "http.advertised.host";
  private static final String HTTP_ADVERTISED_HOST_DOC = "The host other instances reach this one's HTTP endpoints "
      + "at, published to them as Kafka Streams' application.server (with the port in use), so that any instance "
      + "answers for any conversation. Empty: http.host, or this machine's host name when http.host is a wildcard "
      + "address.";

  public static final String METRICS_ENABLED_CONFIG = "metrics.enabled";
  private static final String METRICS_ENABLED_DOC = "Record chatstream's meters (OpenTelemetry GenAI names) and bind "
      + "Kafka Streams' and the clients' own metrics beside them. Off: nothing is recorded and /metrics answers 404.";

  public static final String METRICS_JMX_ENABLED_CONFIG = "metrics.jmx.enabled";
  private static final String METRICS_JMX_ENABLED_DOC = "With metrics.enabled, also publish the meters as JMX "
      + "MBeans (domain chatstream).";

  public static final String TRACING_ENABLED_CONFIG = "tracing.enabled";
  private static final String TRACING_ENABLED_DOC = "OpenTelemetry spans per generation (chat {model}, a child per "
      + "attempt), parented by the W3C traceparent header of the record that asked for it, whose context output "
      + "records carry on. Exported as the standard OTEL_* variables say (OTLP by default). Off: no span is made "
      + "and no header is read or written.";

  public static final String TRACING_CONTENT_ENABLED_CONFIG = "tracing.content.enabled";
  private static final String TRACING_CONTENT_ENABLED_DOC = "With tracing.enabled, record the prompt and the reply "
      + "on the chat spans (gen_ai.input.messages, gen_ai.output.messages). Off: spans carry no conversation "
      + "content.";

  private static final ConfigDef CONFIG = new ConfigDef()
      .define(BOOTSTRAP_SERVERS_CONFIG, Type.STRING, "", Importance.HIGH, BOOTSTRAP_SERVERS_DOC)
      .define(EMBEDDED_BROKER_HOST_CONFIG, Type.STRING, "localhost", new NonEmptyString(), Importance.MEDIUM,
          EMBEDDED_BROKER_HOST_DOC)
      .define(EMBEDDED_BROKER_PORT_CONFIG, Type.INT, 9092, Range.between(0, 65535), Importance.MEDIUM,
          EMBEDDED_BROKER_PORT_DOC)
      .define(DATA_DIR_CONFIG, Type.STRING, "./.chatstream", new NonEmptyString(), Importance.MEDIUM,
          DATA_DIR_DOC)
      .define(APPLICATION_ID_CONFIG, Type.STRING, "chatstream", new NonEmptyString(), Importance.HIGH,
          APPLICATION_ID_DOC)
      .define(TOPIC_PREFIX_CONFIG, Type.STRING, "chatstream.", Validators.topicPrefix(), Importance.HIGH,
          TOPIC_PREFIX_DOC)
      .define(TOPIC_INPUT_CONFIG, Type.STRING, "", Validators.emptyOr(Validators.topicPrefix()), Importance.MEDIUM,
          TOPIC_INPUT_DOC)
      .define(TOPIC_OUTPUT_PREFIX_CONFIG, Type.STRING, "", Validators.emptyOr(Validators.topicPrefix()),
          Importance.MEDIUM, TOPIC_OUTPUT_PREFIX_DOC)
      .define(TOPIC_PARTITIONS_CONFIG, Type.INT, 6, Range.atLeast(1), Importance.MEDIUM, TOPIC_PARTITIONS_DOC)
      .define(TOPIC_REPLICATION_FACTOR_CONFIG, Type.SHORT, (short) 1, Range.atLeast(1), Importance.MEDIUM,
          TOPIC_REPLICATION_FACTOR_DOC)
      .define(PROCESSING_GUARANTEE_CONFIG, Type.STRING, AT_LEAST_ONCE, ValidString.in(AT_LEAST_ONCE,
          EXACTLY_ONCE_V2), Importance.HIGH, PROCESSING_GUARANTEE_DOC)
      .define(COMMIT_INTERVAL_MS_CONFIG, Type.LONG, null, Validators.nullOrAtLeast(0), Importance.MEDIUM,
          COMMIT_INTERVAL_MS_DOC)
      .define(FIRST_CHUNK_COMMIT_MS_CONFIG, Type.LONG, 50L, Range.atLeast(-1), Importance.LOW,
          FIRST_CHUNK_COMMIT_MS_DOC)
      .define(NUM_STREAM_THREADS_CONFIG, Type.INT, 1, Range.atLeast(1), Importance.MEDIUM,
          NUM_STREAM_THREADS_DOC)
      .define(STATE_DIR_CONFIG, Type.STRING, "", Importance.LOW, STATE_DIR_DOC)
      .define(DRAIN_INTERVAL_MS_CONFIG, Type.LONG, 1L, Range.atLeast(1), Importance.LOW, DRAIN_INTERVAL_MS_DOC)
      .define(DRAIN_MAX_EVENTS_CONFIG, Type.INT, 10_000, Range.atLeast(1), Importance.LOW, DRAIN_MAX_EVENTS_DOC)
      .define(DRAIN_BUDGET_MS_CONFIG, Type.LONG, 20L, Range.atLeast(0), Importance.LOW, DRAIN_BUDGET_MS_DOC)
      .define(MAX_INFLIGHT_GENERATIONS_CONFIG, Type.INT, 64, Range.atLeast(1), Importance.MEDIUM,
          MAX_INFLIGHT_GENERATIONS_DOC)
      .define(CONVERSATION_MAX_ITEMS_CONFIG, Type.INT, 10_000, Range.atLeast(1), Importance.MEDIUM,
          CONVERSATION_MAX_ITEMS_DOC)
      .define(CONVERSATION_MAX_BYTES_CONFIG, Type.LONG, 16L * 1024 * 1024, Range.atLeast(1), Importance.MEDIUM,
          CONVERSATION_MAX_BYTES_DOC)
      .define(EVENT_MAX_BYTES_CONFIG, Type.INT, 1_000_000, Range.atLeast(1), Importance.MEDIUM,
          EVENT_MAX_BYTES_DOC)
      .define(DEFAULT_LLM_CONFIG, Type.STRING, LlmProfiles.DEFAULT_NAME, new NonEmptyString(), Importance.HIGH,
          DEFAULT_LLM_DOC)
      .define(SERDE_CONFIG, Type.STRING, SERDE_SINGLE_OBJECT, ValidString.in(SERDE_SINGLE_OBJECT, SERDE_REGISTRY),
          Importance.MEDIUM, SERDE_DOC)
      .define(SERDE_REGISTRY_CLASS_CONFIG, Type.CLASS, null, Importance.LOW, SERDE_REGISTRY_CLASS_DOC)
      .define(HTTP_ENABLED_CONFIG, Type.BOOLEAN, true, Importance.MEDIUM, HTTP_ENABLED_DOC)
      .define(HTTP_HOST_CONFIG, Type.STRING, "0.0.0.0", new NonEmptyString(), Importance.MEDIUM, HTTP_HOST_DOC)
      .define(HTTP_PORT_CONFIG, Type.INT, 8080, Range.between(0, 65535), Importance.MEDIUM, HTTP_PORT_DOC)
      .define(HTTP_ADVERTISED_HOST_CONFIG, Type.STRING, "", Validators.hostName(), Importance.MEDIUM,
          HTTP_ADVERTISED_HOST_DOC)
      .define(METRICS_ENABLED_CONFIG, Type.BOOLEAN, true, Importance.MEDIUM, METRICS_ENABLED_DOC)
      .define(METRICS_JMX_ENABLED_CONFIG, Type.BOOLEAN, true, Importance.LOW, METRICS_JMX_ENABLED_DOC)
      .define(TRACING_ENABLED_CONFIG, Type.BOOLEAN, false, Importance.MEDIUM, TRACING_ENABLED_DOC)
      .define(TRACING_CONTENT_ENABLED_CONFIG, Type.BOOLEAN, false, Importance.LOW, TRACING_CONTENT_ENABLED_DOC);

  private final Map<String, String> settings;
  private final Map<String, String> origins;
  private final Map<String, String> environment;
  private final LlmProfiles llmProfiles;

  ChatstreamConfig(Map<String, String> settings, Map<String, String> origins, Map<String, String> environment) {
    super(CONFIG, settings, false);
    this.settings = Map.copyOf(settings);
    this.origins = Map.copyOf(origins);
    this.environment = Map.copyOf(environment);
    if (serde().equals(SERDE_REGISTRY) && getClass(SERDE_REGISTRY_CLASS_CONFIG) == null) {
      throw new ConfigException(SERDE_CONFIG + "=" + SERDE_REGISTRY + " needs " + SERDE_REGISTRY_CLASS_CONFIG
          + " (the Serde class of the schema registry to use)");
    }
    this.llmProfiles = LlmProfileParser.parse(settings, environment, getString(DEFAULT_LLM_CONFIG));
  }

  /** Where settings come from: a properties file, the environment and overrides, in rising precedence. */
  public static ConfigSources sources() {
    return new ConfigSources();
  }

  /** The configuration of exactly these settings over the defaults, with no file and no environment. */
  public static ChatstreamConfig of(Map<String, ?> settings) {
    ConfigSources sources = sources().environment(Map.of());
    settings.forEach((key, value) -> sources.override(key, String.valueOf(value)));
    return sources.load();
  }

  /** A copy of the declarations, for documentation. */
  public static ConfigDef configDef() {
    return new ConfigDef(CONFIG);
  }

  /**
   * The same configuration joined to {@code servers}, for example the embedded broker's address once it
   * runs.
   */
  public ChatstreamConfig withBootstrapServers(String servers) {
    Map<String, String> changed = new LinkedHashMap<>(settings);
    changed.put(BOOTSTRAP_SERVERS_CONFIG, servers);
    Map<String, String> changedOrigins = new LinkedHashMap<>(origins);
    changedOrigins.put(BOOTSTRAP_SERVERS_CONFIG, "set at run time");
    return new ChatstreamConfig(changed, changedOrigins, environment);
  }

  /** The same configuration with {@code changes} applied on top, each marked as coming from {@code origin}. */
  public ChatstreamConfig with(Map<String, String> changes, String origin) {
    Map<String, String> changed = new LinkedHashMap<>(settings);
    changed.putAll(changes);
    Map<String, String> changedOrigins = new LinkedHashMap<>(origins);
    changes.keySet().forEach(key -> changedOrigins.put(key, origin));
    return new ChatstreamConfig(changed, changedOrigins, environment);
  }

  /** The cluster to join, or empty when chatstream should start its embedded broker. */
  public Optional<String> bootstrapServers() {
    String servers = getString(BOOTSTRAP_SERVERS_CONFIG).strip();
    return servers.isEmpty() ? Optional.empty() : Optional.of(servers);
  }

  /** True when no cluster is configured, so chatstream runs its embedded broker. */
  public boolean usesEmbeddedBroker() {
    return bootstrapServers().isEmpty();
  }

  /** The embedded broker's listener host. */
  public String embeddedBrokerHost() {
    return getString(EMBEDDED_BROKER_HOST_CONFIG);
  }

  /** The embedded broker's listener port (0: any free port). */
  public int embeddedBrokerPort() {
    return getInt(EMBEDDED_BROKER_PORT_CONFIG);
  }

  /** The data directory. */
  public Path dataDir() {
    return Path.of(getString(DATA_DIR_CONFIG));
  }

  /** The embedded broker's data directory, {@code <data.dir>/kafka}. */
  public Path embeddedBrokerDataDir() {
    return dataDir().resolve("kafka");
  }

  /** Kafka Streams' state directory: {@code state.dir}, or {@code <data.dir>/state} when it is empty. */
  public Path stateDir() {
    String stateDir = getString(STATE_DIR_CONFIG).strip();
    return stateDir.isEmpty() ? dataDir().resolve("state") : Path.of(stateDir);
  }

  /** The Kafka Streams application id. */
  public String applicationId() {
    return getString(APPLICATION_ID_CONFIG);
  }

  /** The prefix of every chatstream topic. */
  public String topicPrefix() {
    return getString(TOPIC_PREFIX_CONFIG);
  }

  /** The input topic named by {@code topic.input}; empty when it names none ({@code <topic.prefix>conversations}). */
  public Optional<String> inputTopic() {
    String input = getString(TOPIC_INPUT_CONFIG).strip();
    return input.isEmpty() ? Optional.empty() : Optional.of(input);
  }

  /** The prefix of the output topics: {@code topic.output.prefix}, or {@code topic.prefix}. */
  public String outputTopicPrefix() {
    String prefix = getString(TOPIC_OUTPUT_PREFIX_CONFIG).strip();
    return prefix.isEmpty() ? topicPrefix() : prefix;
  }

  /** Partitions of the topics chatstream creates. */
  public int topicPartitions() {
    return getInt(TOPIC_PARTITIONS_CONFIG);
  }

  /** Replicas of the topics chatstream creates. */
  public short topicReplicationFactor() {
    return getShort(TOPIC_REPLICATION_FACTOR_CONFIG);
  }

  /** {@value #AT_LEAST_ONCE} or {@value #EXACTLY_ONCE_V2}. */
  public String processingGuarantee() {
    return getString(PROCESSING_GUARANTEE_CONFIG);
  }

  /** True under {@value #EXACTLY_ONCE_V2}. */
  public boolean exactlyOnce() {
    return EXACTLY_ONCE_V2.equals(processingGuarantee());
  }

  /** The commit interval: the configured one, or Kafka Streams' default for the guarantee. */
  public Duration commitInterval() {
    Long configured = getLong(COMMIT_INTERVAL_MS_CONFIG);
    return Duration.ofMillis(configured != null ? configured : StreamsSettings.defaultCommitIntervalMs(processingGuarantee()));
  }

  /**
   * How soon after a generation's first chunk a commit is requested: empty under at_least_once or
   * when {@value #FIRST_CHUNK_COMMIT_MS_CONFIG} is -1.
   */
  public Optional<Duration> firstChunkCommit() {
    long millis = getLong(FIRST_CHUNK_COMMIT_MS_CONFIG);
    return exactlyOnce() && millis >= 0 ? Optional.of(Duration.ofMillis(millis)) : Optional.empty();
  }

  /** Kafka Streams threads in this instance. */
  public int numStreamThreads() {
    return getInt(NUM_STREAM_THREADS_CONFIG);
  }

  /** The drain punctuator's period. */
  public Duration drainInterval() {
    return Duration.ofMillis(getLong(DRAIN_INTERVAL_MS_CONFIG));
  }

  /** The most provider events one drain hands over. */
  public int drainMaxEvents() {
    return getInt(DRAIN_MAX_EVENTS_CONFIG);
  }

  /** How long one drain may hand events over before it leaves the rest to the next. */
  public Duration drainBudget() {
    return Duration.ofMillis(getLong(DRAIN_BUDGET_MS_CONFIG));
  }

  /** Generations running at once in this instance. */
  public int maxInflightGenerations() {
    return getInt(MAX_INFLIGHT_GENERATIONS_CONFIG);
  }

  /** Items one conversation may hold. */
  public int conversationMaxItems() {
    return getInt(CONVERSATION_MAX_ITEMS_CONFIG);
  }

  /** Bytes one conversation may hold. */
  public long conversationMaxBytes() {
    return getLong(CONVERSATION_MAX_BYTES_CONFIG);
  }

  /** The largest event accepted, in bytes. */
  public int eventMaxBytes() {
    return getInt(EVENT_MAX_BYTES_CONFIG);
  }

  /** {@value #SERDE_SINGLE_OBJECT} or {@value #SERDE_REGISTRY}. */
  public String serde() {
    return getString(SERDE_CONFIG);
  }

  /** The registry serde class, when {@code serde=registry}. */
  public Optional<Class<?>> serdeRegistryClass() {
    return Optional.ofNullable(getClass(SERDE_REGISTRY_CLASS_CONFIG));
  }

  /**
   * The serde configuration of the events: {@code serde} and {@code serde.registry.class}, plus every
   * {@code kafka.*} setting (a registry serde's own properties, such as its URL, go there).
   */
  public Map<String, Object> eventSerdeSettings() {
    Map<String, Object> serdeSettings = new LinkedHashMap<>(kafkaClientSettings());
    serdeSettings.put(EventSerdeConfig.SERDE_CONFIG, serde());
    serdeRegistryClass().ifPresent(type -> serdeSettings.put(EventSerdeConfig.REGISTRY_SERDE_CLASS_CONFIG, type.getName()));
    return serdeSettings;
  }

  /** True when the HTTP endpoints are served. */
  public boolean httpEnabled() {
    return getBoolean(HTTP_ENABLED_CONFIG);
  }

  /** The address the HTTP endpoints listen on. */
  public String httpHost() {
    return getString(HTTP_HOST_CONFIG);
  }

  /** The port of the HTTP endpoints (0: any free port). */
  public int httpPort() {
    return getInt(HTTP_PORT_CONFIG);
  }

  /** The host other instances reach this one at, when configured. */
  public Optional<String> httpAdvertisedHost() {
    String host = getString(HTTP_ADVERTISED_HOST_CONFIG).strip();
    return host.isEmpty() ? Optional.empty() : Optional.of(host);
  }

  /** True when chatstream's meters are recorded. */
  public boolean metricsEnabled() {
    return getBoolean(METRICS_ENABLED_CONFIG);
  }

  /** True when the meters are published over JMX too. */
  public boolean metricsJmxEnabled() {
    return getBoolean(METRICS_JMX_ENABLED_CONFIG);
  }

  /** True when generations make OpenTelemetry spans. */
  public boolean tracingEnabled() {
    return getBoolean(TRACING_ENABLED_CONFIG);
  }

  /** True when spans record the prompt and the reply. */
  public boolean tracingContentEnabled() {
    return getBoolean(TRACING_CONTENT_ENABLED_CONFIG);
  }

  /** The LLM profiles, with the default one. */
  public LlmProfiles llmProfiles() {
    return llmProfiles;
  }

  /** The {@code kafka.*} settings without their prefix, as given. */
  public Map<String, String> kafkaClientSettings() {
    Map<String, String> client = new LinkedHashMap<>();
    settings.forEach((key, value) -> {
      if (key.startsWith(KAFKA_PREFIX)) {
        client.put(key.substring(KAFKA_PREFIX.length()), value);
      }
    });
    return client;
  }

  /**
   * Kafka Streams properties: application id, bootstrap servers, guarantee, commit interval, threads,
   * state directory, replication, low-latency client tuning, then the {@code kafka.*} settings.
   *
   * @throws IllegalStateException when no bootstrap servers are known yet (start the embedded broker and
   *     use {@link #withBootstrapServers})
   */
  public Properties streamsProperties() {
    return StreamsSettings.of(this, requireBootstrapServers());
  }

  /** Properties for a plain producer, consumer or admin client: bootstrap servers and {@code kafka.*}. */
  public Properties clientProperties() {
    return StreamsSettings.client(this, requireBootstrapServers());
  }

  /** The effective settings, one per line, with where each came from; secrets print as {@code [hidden]}. */
  public String describe() {
    return ConfigDescription.of(this, CONFIG, settings, origins);
  }

  @Override
  public String toString() {
    return describe();
  }

  private String requireBootstrapServers() {
    return bootstrapServers().orElseThrow(() -> new IllegalStateException(
        "no bootstrap servers yet: start the embedded broker and use withBootstrapServers(...)"));
  }
}
