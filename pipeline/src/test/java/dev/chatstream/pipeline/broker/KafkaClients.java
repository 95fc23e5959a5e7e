package dev.chatstream.pipeline.broker;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Plain string producers and consumers for the broker tests. */
final class KafkaClients {

  private KafkaClients() {}

  static KafkaProducer<String, String> producer(String bootstrap, Map<String, Object> extra) {
    Map<String, Object> props = new java.util.HashMap<>(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
        ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 20_000,
        ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
        ProducerConfig.LINGER_MS_CONFIG, 0));
    props.putAll(extra);
    return new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
  }

  static KafkaConsumer<String, String> consumer(String bootstrap, Map<String, Object> extra) {
    Map<String, Object> props = new java.util.HashMap<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
        ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false));
    props.putAll(extra);
    return new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
  }

  /** Polls until {@code count} records arrived or {@code wait} passed; returns what arrived. */
  static List<ConsumerRecord<String, String>> poll(KafkaConsumer<String, String> consumer, int count,
      Duration wait) {
    List<ConsumerRecord<String, String>> records = new ArrayList<>();
    long deadline = System.nanoTime() + wait.toNanos();
    while (records.size() < count && System.nanoTime() < deadline) {
      consumer.poll(Duration.ofMillis(100)).forEach(records::add);
    }
    return records;
  }
}
