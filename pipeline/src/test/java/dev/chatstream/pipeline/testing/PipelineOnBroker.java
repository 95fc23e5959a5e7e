package dev.chatstream.pipeline.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chatstream.events.ConversationEvent;
import dev.chatstream.pipeline.ChatstreamService;
import dev.chatstream.pipeline.LlmRegistry;
import dev.chatstream.pipeline.Topics;
import dev.chatstream.pipeline.broker.EmbeddedKafka;
import dev.chatstream.pipeline.client.ConversationProducer;
import dev.chatstream.pipeline.config.ChatstreamConfig;
import dev.chatstream.pipeline.internals.json.InputEventJson;
import io.opentelemetry.api.OpenTelemetry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.ThreadMetadata;

/**
 * One chatstream application on a real broker, for integration tests: its own topic prefix and
 * application id, instances started with {@link ChatstreamService#start} on their own state
 * directories, events written as the JSON lines {@code chatstream produce} reads, and the outputs
 * read back by a {@code read_committed} {@link OutputLog}.
 *
 * <p>Defaults: {@code exactly_once_v2}, 2 partitions, {@code commit.interval.ms=100}, HTTP on a free
 * port, no JMX (several instances share one JVM); any setting can be overridden.
 */
public final class PipelineOnBroker implements AutoCloseable {
  private static final AtomicInteger APPLICATIONS = new AtomicInteger();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration STARTUP = Duration.ofSeconds(30);

  private final String bootstrapServers;
  private final Path workDir;
  private final Map<String, String> settings;
  private final Topics topics;
  private final ConversationProducer producer;
  private final Serializer<ConversationEvent> serializer;
  private final List<ChatstreamService> running = new ArrayList<>();
  private KafkaProducer<String, byte[]> rawProducer;
  private OutputLog outputs;

  private PipelineOnBroker(String bootstrapServers, Path workDir, Map<String, String> settings) {
    this.bootstrapServers = bootstrapServers;
    this.workDir = workDir;
    this.settings = settings;
    ChatstreamConfig config = ChatstreamConfig.of(settings);
    this.topics = Topics.of(config);
    ChatstreamService.createTopics(config);
    this.serializer = topics.conversations().valueSerde().serializer();
    this.producer = new ConversationProducer(config.clientProperties(), topics);
  }

  /**
   * An application named after {@code name} (made unique) on {@code broker}, its topics created, its
   * files under {@code workDir}.
   *
   * @param overrides chatstream settings on top of the defaults
   */
  public static PipelineOnBroker create(EmbeddedKafka broker, Path workDir, String name, Map<String, String> overrides) {
    String unique = name + "-" + APPLICATIONS.incrementAndGet();
    Map<String, String> settings = new HashMap<>();
    settings.put(ChatstreamConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
    settings.put(ChatstreamConfig.APPLICATION_ID_CONFIG, "it-" + unique);
    settings.put(ChatstreamConfig.TOPIC_PREFIX_CONFIG, "it." + unique + ".");
    settings.put(ChatstreamConfig.TOPIC_PARTITIONS_CONFIG, "2");
    settings.put(ChatstreamConfig.PROCESSING_GUARANTEE_CONFIG, ChatstreamConfig.EXACTLY_ONCE_V2);
    settings.put(ChatstreamConfig.COMMIT_INTERVAL_MS_CONFIG, "100");
    settings.put(ChatstreamConfig.HTTP_PORT_CONFIG, "0");
    settings.put(ChatstreamConfig.HTTP_HOST_CONFIG, "localhost");
    settings.put(ChatstreamConfig.METRICS_JMX_ENABLED_CONFIG, "false");
    settings.putAll(overrides);
    return new PipelineOnBroker(broker.bootstrapServers(), workDir, settings);
  }

  /** The configuration of an instance keeping its state in {@code stateDir}. */
  public ChatstreamConfig config(Path stateDir) {
    Map<String, String> instance = new HashMap<>(settings);
    instance.put(ChatstreamConfig.STATE_DIR_CONFIG, stateDir.toString());
    return ChatstreamConfig.of(instance);
  }

  /** The chatstream settings of every instance, besides the state directory. */
  public Map<String, String> settings() {
    return Map.copyOf(settings);
  }

  /** The topic names. */
  public Topics topics() {
    return topics;
  }

  /** The broker's address. */
  public String bootstrapServers() {
    return bootstrapServers;
  }

  /** A new, empty state directory. */
  public Path newStateDir() {
    try {
      Files.createDirectories(workDir);
      return Files.createTempDirectory(workDir, "state-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Starts an instance on a new state directory; {@code registry} serves its LLM profiles. */
  public ChatstreamService start(LlmRegistry registry) {
    return start(registry, newStateDir());
  }

  /** Starts an instance on a new state directory whose spans go to {@code openTelemetry} (with {@code tracing.enabled}). */
  public ChatstreamService start(LlmRegistry registry, OpenTelemetry openTelemetry) {
    ChatstreamService service = ChatstreamService.start(config(newStateDir()), registry, openTelemetry);
    running.add(service);
    return service;
  }

  /** A producer of input events that traces its sends with {@code openTelemetry}; the caller closes it. */
  public ConversationProducer tracedProducer(OpenTelemetry openTelemetry) {
    return new ConversationProducer(ChatstreamConfig.of(settings).clientProperties(), topics, openTelemetry);
  }

  /** The event {@code jsonLine} describes, as {@link #send} writes it. */
  public static ConversationEvent parse(String jsonLine) {
    return event(jsonLine);
  }

  /** Starts an instance keeping its state in {@code stateDir}. */
  public ChatstreamService start(LlmRegistry registry, Path stateDir) {
    ChatstreamService service = ChatstreamService.start(config(stateDir), registry);
    running.add(service);
    return service;
  }

  /**
   * Waits until every one of {@code services} runs with at least one task, and together they own
   * every partition.
   */
  public void awaitRunning(ChatstreamService... services) {
    int partitions = Integer.parseInt(settings.get(ChatstreamConfig.TOPIC_PARTITIONS_CONFIG));
    Eventually.until(STARTUP, "instances running with every partition assigned", () -> {
      Set<Integer> owned = new HashSet<>();
      for (ChatstreamService service : services) {
        Set<Integer> own = activePartitions(service);
        if (service.state() != KafkaStreams.State.RUNNING || own.isEmpty()) {
          return false;
        }
        owned.addAll(own);
      }
      return owned.size() == partitions;
    });
  }

  /** The input partitions whose tasks run on {@code service} now. */
  public static Set<Integer> activePartitions(ChatstreamService service) {
    Set<Integer> partitions = new HashSet<>();
    for (ThreadMetadata thread : service.streams().metadataForLocalThreads()) {
      thread.activeTasks().forEach(task -> partitions.add(task.taskId().partition()));
    }
    return partitions;
  }

  /**
   * Stops {@code service} and leaves the consumer group at once, so the other instances take its
   * partitions over without waiting for the session timeout. Its generations in flight are cancelled.
   */
  public void stop(ChatstreamService service) {
    service.streams().close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
        .withTimeout(Duration.ofSeconds(30)));
    service.close();
    running.remove(service);
  }

  /** Sends one {@code chatstream produce} JSON line and waits until the broker has it. */
  public RecordMetadata send(String jsonLine) {
    return producer.sendAndWait(event(jsonLine));
  }

  /** The bytes {@link #send} writes for {@code jsonLine} (with a fresh event id). */
  public byte[] encode(String jsonLine) {
    return serializer.serialize(topics.conversations().name(), event(jsonLine));
  }

  private static ConversationEvent event(String jsonLine) {
    try {
      return InputEventJson.parse(JSON.readTree(jsonLine));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not a JSON line: " + jsonLine, e);
    }
  }

  /** Sends {@code value} as it is to the conversations topic under {@code key}. */
  public RecordMetadata sendRaw(String key, byte[] value) {
    if (rawProducer == null) {
      Map<String, Object> props = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
          ProducerConfig.LINGER_MS_CONFIG, 0);
      rawProducer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
    }
    try {
      return rawProducer.send(new ProducerRecord<>(topics.conversations().name(), key, value)).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("sending failed", e.getCause());
    }
  }

  /** Every output topic (dead letters included) as read from its beginning. */
  public OutputLog outputs() {
    if (outputs == null) {
      outputs = OutputLog.of(ChatstreamConfig.of(settings));
    }
    return outputs;
  }

  /** Stops every instance still running and closes the clients. */
  @Override
  public void close() {
    for (ChatstreamService service : List.copyOf(running)) {
      service.close();
    }
    running.clear();
    producer.close();
    if (rawProducer != null) {
      rawProducer.close(Duration.ofSeconds(5));
    }
    if (outputs != null) {
      outputs.close();
    }
  }
}
