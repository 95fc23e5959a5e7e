package dev.chatstream.bench;

import dev.chatstream.pipeline.ChatstreamService;
import dev.chatstream.pipeline.Topics;
import dev.chatstream.pipeline.client.ConversationProducer;
import dev.chatstream.pipeline.config.ChatstreamConfig;
import dev.chatstream.pipeline.internals.llm.ProviderRegistry;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;

/**
 * One chatstream service under test, on the bench's broker, with topics, application id and state of
 * its own (so phases never see each other's records), its default LLM profile served by the bench's
 * OpenAI connector. Created before it starts, so a phase can fill its input topic first.
 */
final class BenchPipeline implements AutoCloseable {
  private static final Duration START_TIMEOUT = Duration.ofMinutes(2);
  private static final AtomicInteger LOAD_CLIENTS = new AtomicInteger();

  private final BenchEnvironment environment;
  private final ChatstreamConfig config;
  private final Topics topics;
  private ChatstreamService service;
  private ConversationProducer producer;

  private BenchPipeline(BenchEnvironment environment, ChatstreamConfig config) {
    this.environment = environment;
    this.config = config;
    this.topics = Topics.of(config);
  }

  /**
   * A pipeline named {@code name}, its topics created, not started yet.
   *
   * @param guarantee {@value ChatstreamConfig#AT_LEAST_ONCE} or {@value ChatstreamConfig#EXACTLY_ONCE_V2}
   * @param settings chatstream settings of this phase (the environment's own settings win)
   */
  static BenchPipeline create(BenchEnvironment environment, String name, String guarantee, Map<String, String> settings) {
    Map<String, String> all = new LinkedHashMap<>();
    all.put(ChatstreamConfig.BOOTSTRAP_SERVERS_CONFIG, environment.bootstrapServers());
    all.put(ChatstreamConfig.APPLICATION_ID_CONFIG, "chatstream-bench-" + name);
    all.put(ChatstreamConfig.TOPIC_PREFIX_CONFIG, "bench." + name + ".");
    all.put(ChatstreamConfig.DATA_DIR_CONFIG, environment.workDir().toString());
    all.put(ChatstreamConfig.STATE_DIR_CONFIG, environment.workDir().resolve("state-" + name).toString());
    all.put(ChatstreamConfig.PROCESSING_GUARANTEE_CONFIG, guarantee);
    // the bench scrapes nothing over HTTP: a free port, so that runs never collide on 8080
    all.put(ChatstreamConfig.HTTP_PORT_CONFIG, "0");
    all.putAll(settings);
    all.putAll(environment.pipelineSettings());
    ChatstreamConfig config = ChatstreamConfig.of(all);
    ChatstreamService.createTopics(config);
    awaitLeaders(config);
    return new BenchPipeline(environment, config);
  }

  /**
   * Waits until the broker serves every partition of the new topics: a topic's leader shows in the
   * metadata a moment before the broker accepts records for it, so the first sends would be refused
   * and retried (with warnings). Listing the partitions' end offsets succeeds only once it does.
   */
  private static void awaitLeaders(ChatstreamConfig config) {
    List<String> names = Topics.of(config).names();
    try (Admin admin = Admin.create(config.clientProperties())) {
      Map<TopicPartition, OffsetSpec> partitions = new HashMap<>();
      for (TopicDescription topic : admin.describeTopics(names).allTopicNames().get().values()) {
        topic.partitions().forEach(partition ->
            partitions.put(new TopicPartition(topic.name(), partition.partition()), OffsetSpec.latest()));
      }
      admin.listOffsets(partitions).all().get();
    } catch (ExecutionException e) {
      throw new IllegalStateException("the topics of " + config.applicationId() + " are not ready", e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  ChatstreamConfig config() {
    return config;
  }

  Topics topics() {
    return topics;
  }

  /** Starts the service and waits until its tasks run. */
  BenchPipeline start() {
    service = ChatstreamService.start(config, ProviderRegistry.single("default", environment.provider()));
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (service.state() != KafkaStreams.State.RUNNING) {
      if (service.state() == KafkaStreams.State.ERROR || System.nanoTime() > deadline) {
        throw new IllegalStateException("the pipeline " + config.applicationId() + " did not start: " + service.state());
      }
      sleep(Duration.ofMillis(20));
    }
    return this;
  }

  /** The running streams. */
  KafkaStreams streams() {
    if (service == null) {
      throw new IllegalStateException("the pipeline has not started");
    }
    return service.streams();
  }

  /** A producer of input events that sends each record at once. */
  ConversationProducer producer() {
    if (producer == null) {
      producer = newProducer(Map.of());
    }
    return producer;
  }

  /** A producer of input events that batches (for filling the input topic), closed by the caller. */
  ConversationProducer bulkProducer() {
    return newProducer(Map.of(ProducerConfig.LINGER_MS_CONFIG, 10, ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024));
  }

  /** Starts a consumer of these output topics (short names), positioned at their ends. */
  OutputTap tap(List<String> shortNames, OutputTap.Listener listener) {
    List<String> names = shortNames.stream().map(topics::name).toList();
    return OutputTap.start(config.clientProperties(), topics.anyEvent().deserializer(), names,
        config.exactlyOnce(), listener);
  }

  /** Stops the service, leaving its topics and their records in place. */
  void stopService() {
    if (service != null) {
      service.close();
      service = null;
    }
  }

  /** How many records the input topic holds (its partitions' end offsets, added up). */
  long inputRecords() {
    try (Admin admin = Admin.create(config.clientProperties())) {
      Map<TopicPartition, OffsetSpec> partitions = new HashMap<>();
      admin.describeTopics(List.of(topics.conversations().name())).allTopicNames().get().values()
          .forEach(topic -> topic.partitions().forEach(partition ->
              partitions.put(new TopicPartition(topic.name(), partition.partition()), OffsetSpec.latest())));
      return admin.listOffsets(partitions).all().get().values().stream().mapToLong(info -> info.offset()).sum();
    } catch (ExecutionException e) {
      throw new IllegalStateException("the input topic of " + config.applicationId() + " cannot be read", e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  @Override
  public void close() {
    try {
      if (producer != null) {
        producer.close();
      }
    } finally {
      stopService();
    }
  }

  private ConversationProducer newProducer(Map<String, Object> overrides) {
    Properties props = config.clientProperties();
    props.put(ProducerConfig.CLIENT_ID_CONFIG, HarnessCpu.LOAD_CLIENT + "-" + LOAD_CLIENTS.incrementAndGet());
    props.putAll(overrides);
    return new ConversationProducer(props, topics);
  }

  static void sleep(Duration duration) {
    try {
      Thread.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
