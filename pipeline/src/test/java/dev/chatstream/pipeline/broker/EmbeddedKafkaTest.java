package dev.chatstream.pipeline.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatstream.pipeline.config.ChatstreamConfig;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** One broker for the whole class; every test uses its own topics. */
@Timeout(60)
class EmbeddedKafkaTest {

  private static final Duration WAIT = Duration.ofSeconds(20);

  @TempDir
  static Path dataDir;

  private static EmbeddedKafka kafka;

  @BeforeAll
  static void startBroker() {
    kafka = EmbeddedKafka.builder().port(0).dataDir(dataDir).start();
  }

  @AfterAll
  static void stopBroker() {
    if (kafka != null) {
      kafka.close();
    }
  }

  @Test
  void bootstrapServersNameTheHostAndChosenPort() {
    assertTrue(kafka.port() > 0);
    assertEquals("localhost:" + kafka.port(), kafka.bootstrapServers());
    assertEquals(dataDir.toAbsolutePath().normalize(), kafka.dataDir());
  }

  @Test
  void committedTransactionIsVisibleAndAbortedOneIsNot() throws Exception {
    String topic = "transactions";
    ensureTopic(topic);
    try (KafkaProducer<String, String> producer = KafkaClients.producer(kafka.bootstrapServers(),
        Map.of(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "tx-test"))) {
      producer.initTransactions();
      producer.beginTransaction();
      producer.send(new ProducerRecord<>(topic, "k", "aborted"));
      producer.flush();
      producer.abortTransaction();
      producer.beginTransaction();
      producer.send(new ProducerRecord<>(topic, "k", "committed"));
      producer.commitTransaction();
    }
    try (KafkaProducer<String, String> plain = KafkaClients.producer(kafka.bootstrapServers(), Map.of())) {
      plain.send(new ProducerRecord<>(topic, "k", "end")).get();
    }
    assertEquals(List.of("committed", "end"), read(topic, "read_committed", 2));
    assertEquals(List.of("aborted", "committed", "end"), read(topic, "read_uncommitted", 3));
  }

  @Test
  void kafkaStreamsRunsExactlyOnceWithChatstreamSettings(@TempDir Path stateDir) throws Exception {
    ensureTopic("streams-in");
    ensureTopic("streams-out");
    ChatstreamConfig config = ChatstreamConfig.of(Map.of(
        ChatstreamConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
        ChatstreamConfig.APPLICATION_ID_CONFIG, "streams-test",
        ChatstreamConfig.PROCESSING_GUARANTEE_CONFIG, ChatstreamConfig.EXACTLY_ONCE_V2,
        ChatstreamConfig.STATE_DIR_CONFIG, stateDir.toString()));
    StreamsBuilder builder = new StreamsBuilder();
    builder.stream("streams-in", Consumed.with(Serdes.String(), Serdes.String()))
        .mapValues(value -> value.toUpperCase(Locale.ROOT))
        .to("streams-out", Produced.with(Serdes.String(), Serdes.String()));
    KafkaStreams streams = new KafkaStreams(builder.build(), config.streamsProperties());
    try {
      streams.start();
      try (KafkaProducer<String, String> producer = KafkaClients.producer(kafka.bootstrapServers(), Map.of())) {
        producer.send(new ProducerRecord<>("streams-in", "k", "hello")).get();
      }
      assertEquals(List.of("HELLO"), read("streams-out", "read_committed", 1));
    } finally {
      streams.close(Duration.ofSeconds(10));
    }
  }

  @Test
  void takenPortFailsWithMessageNamingIt() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("localhost"))) {
      int port = taken.getLocalPort();
      EmbeddedKafkaException error = assertThrows(EmbeddedKafkaException.class,
          () -> EmbeddedKafka.builder().port(port).dataDir(dataDir.resolve("other")).start());
      assertTrue(error.getMessage().contains("localhost:" + port + " is already in use"), error.getMessage());
    }
  }

  @Test
  void portOfRunningBrokerIsTaken() {
    EmbeddedKafkaException error = assertThrows(EmbeddedKafkaException.class,
        () -> EmbeddedKafka.builder().port(kafka.port()).dataDir(dataDir.resolve("second")).start());
    assertTrue(error.getMessage().contains("already in use"), error.getMessage());
  }

  @Test
  void secondBrokerOnSameDirectoryFails() {
    EmbeddedKafkaException error = assertThrows(EmbeddedKafkaException.class,
        () -> EmbeddedKafka.builder().port(0).dataDir(dataDir).start());
    assertTrue(error.getMessage().contains(kafka.dataDir() + " is in use"), error.getMessage());
  }

  @Test
  void ensureCreatesMissingTopicsOnceWithPartitionsAndConfigs() throws Exception {
    TopicSpec compacted = TopicSpec.of("ensure-compacted", 3, (short) 1)
        .withConfig(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
    TopicSpec plain = TopicSpec.of("ensure-plain", 2, (short) 1);
    try (TopicAdmin topics = TopicAdmin.connect(kafka.bootstrapServers())) {
      assertEquals(Set.of("ensure-compacted", "ensure-plain"), topics.ensure(List.of(compacted, plain)));
      assertEquals(Set.of(), topics.ensure(List.of(compacted, plain)));
      assertEquals(false, topics.ensure(plain));
    }
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
      TopicDescription description = admin.describeTopics(List.of("ensure-compacted")).allTopicNames().get()
          .get("ensure-compacted");
      assertEquals(3, description.partitions().size());
      ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, "ensure-compacted");
      String policy = admin.describeConfigs(List.of(resource)).all().get().get(resource)
          .get(TopicConfig.CLEANUP_POLICY_CONFIG).value();
      assertEquals(TopicConfig.CLEANUP_POLICY_COMPACT, policy);
    }
  }

  @Test
  void ensureReportsTopicTheClusterRefuses() {
    try (TopicAdmin topics = TopicAdmin.connect(kafka.bootstrapServers())) {
      KafkaException error = assertThrows(KafkaException.class,
          () -> topics.ensure(TopicSpec.of("three-replicas", 1, (short) 3)));
      assertTrue(error.getMessage().startsWith("Cannot create topic three-replicas:"), error.getMessage());
    }
  }

  @Test
  void automaticTopicCreationIsOff() throws Exception {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
      ConfigResource broker = new ConfigResource(ConfigResource.Type.BROKER, "1");
      assertEquals("false", admin.describeConfigs(List.of(broker)).all().get().get(broker)
          .get("auto.create.topics.enable").value());
    }
  }

  private static List<String> read(String topic, String isolationLevel, int count) {
    try (KafkaConsumer<String, String> consumer = KafkaClients.consumer(kafka.bootstrapServers(),
        Map.of(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolationLevel))) {
      consumer.subscribe(List.of(topic));
      return KafkaClients.poll(consumer, count, WAIT).stream().map(ConsumerRecord::value).toList();
    }
  }

  private static void ensureTopic(String topic) {
    try (TopicAdmin topics = TopicAdmin.connect(kafka.bootstrapServers())) {
      topics.ensure(TopicSpec.of(topic, 1, (short) 1));
    }
  }
}
