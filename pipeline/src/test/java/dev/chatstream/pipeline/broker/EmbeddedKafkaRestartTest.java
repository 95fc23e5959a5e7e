package dev.chatstream.pipeline.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(120)
class EmbeddedKafkaRestartTest {

  private static final Duration WAIT = Duration.ofSeconds(20);

  @TempDir
  Path dataDir;

  @Test
  void restartOnSameDirectoryKeepsRecordsOffsetsAndClusterId() throws Exception {
    String topic = "restart-test";
    TopicPartition partition = new TopicPartition(topic, 0);
    String group = "restart-group";
    String clusterId;
    int port;
    String metaProperties;

    try (EmbeddedKafka kafka = EmbeddedKafka.builder().port(0).dataDir(dataDir).start()) {
      clusterId = kafka.clusterId();
      port = kafka.port();
      metaProperties = Files.readString(dataDir.resolve("meta.properties"));
      assertTrue(metaProperties.contains("cluster.id=" + clusterId), metaProperties);
      try (TopicAdmin topics = TopicAdmin.connect(kafka.bootstrapServers())) {
        topics.ensure(TopicSpec.of(topic, 1, (short) 1));
      }
      try (KafkaProducer<String, String> producer = KafkaClients.producer(kafka.bootstrapServers(), Map.of())) {
        producer.send(new ProducerRecord<>(topic, "k1", "before restart")).get();
        producer.send(new ProducerRecord<>(topic, "k2", "second")).get();
      }
      try (KafkaConsumer<String, String> consumer = groupConsumer(kafka, group)) {
        consumer.assign(List.of(partition));
        List<ConsumerRecord<String, String>> records = KafkaClients.poll(consumer, 2, WAIT);
        assertEquals(List.of("before restart", "second"), records.stream().map(ConsumerRecord::value).toList());
        consumer.commitSync(Map.of(partition, new OffsetAndMetadata(1)));
      }
    }

    try (EmbeddedKafka kafka = EmbeddedKafka.builder().port(port).dataDir(dataDir).start()) {
      assertEquals(clusterId, kafka.clusterId());
      assertEquals(port, kafka.port());
      assertEquals(metaProperties, Files.readString(dataDir.resolve("meta.properties")));
      try (TopicAdmin topics = TopicAdmin.connect(kafka.bootstrapServers())) {
        assertEquals(Set.of(), topics.ensure(List.of(TopicSpec.of(topic, 1, (short) 1))));
      }
      try (KafkaConsumer<String, String> consumer = groupConsumer(kafka, group)) {
        assertEquals(1, consumer.committed(Set.of(partition), WAIT).get(partition).offset());
        consumer.assign(List.of(partition));
        consumer.seekToBeginning(List.of(partition));
        List<ConsumerRecord<String, String>> records = KafkaClients.poll(consumer, 2, WAIT);
        assertEquals(List.of("before restart", "second"), records.stream().map(ConsumerRecord::value).toList());
      }
    }
  }

  private static KafkaConsumer<String, String> groupConsumer(EmbeddedKafka kafka, String group) {
    return KafkaClients.consumer(kafka.bootstrapServers(), Map.of(ConsumerConfig.GROUP_ID_CONFIG, group));
  }
}
