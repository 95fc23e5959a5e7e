package dev.chatstream.bench;

import dev.chatstream.pipeline.broker.TopicAdmin;
import dev.chatstream.pipeline.broker.TopicSpec;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.LongDeserializer;
import org.apache.kafka.common.serialization.LongSerializer;

/**
 * What one trip through the broker costs on this machine right now: in the background, a bare
 * record is produced (no batching wait) to a topic of its own and timed until a consumer receives
 * it, one at a time. A generation through the pipeline makes two such trips (the request in, the
 * chunk out), so this tells the broker's share of the pipeline's TTFT overhead from chatstream's own.
 */
final class KafkaHops implements AutoCloseable {
  private static final Duration GAP = Duration.ofMillis(50);
  private static final Duration POLL = Duration.ofMillis(100);

  private final KafkaProducer<Long, Long> producer;
  private final KafkaConsumer<Long, Long> consumer;
  private final String topic;
  private final Samples samples = new Samples();
  private final Thread thread;
  private volatile boolean running = true;

  private KafkaHops(Properties client, String topic) {
    Properties producerProps = new Properties();
    producerProps.putAll(client);
    producerProps.put(ProducerConfig.LINGER_MS_CONFIG, 0);
    this.producer = new KafkaProducer<>(producerProps, new LongSerializer(), new LongSerializer());
    this.consumer = new KafkaConsumer<>(client, new LongDeserializer(), new LongDeserializer());
    this.topic = topic;
    TopicPartition partition = new TopicPartition(topic, 0);
    consumer.assign(List.of(partition));
    consumer.seekToEnd(List.of(partition));
    consumer.position(partition);
    this.thread = Thread.ofPlatform().daemon().name("bench-kafka-hops").start(this::run);
  }

  /** Starts timing hops on a new topic of {@code pipeline}'s cluster. */
  static KafkaHops start(BenchPipeline pipeline) {
    String topic = pipeline.config().topicPrefix() + "hops";
    Properties client = pipeline.config().clientProperties();
    try (TopicAdmin admin = TopicAdmin.create(toMap(client))) {
      admin.ensure(TopicSpec.of(topic, 1, pipeline.config().topicReplicationFactor()));
    }
    return new KafkaHops(client, topic);
  }

  /** Stops and returns the hops timed, or null when none was. */
  LatencySummary stop() {
    close();
    return samples.summary();
  }

  @Override
  public void close() {
    running = false;
    try {
      thread.join(Duration.ofSeconds(10));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void run() {
    try {
      long sequence = 0;
      while (running) {
        long start = System.nanoTime();
        producer.send(new ProducerRecord<>(topic, 0, sequence, sequence));
        if (awaitRecord(sequence)) {
          samples.add(System.nanoTime() - start);
        }
        sequence++;
        Thread.sleep(GAP);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      producer.close(Duration.ofSeconds(5));
      consumer.close(CloseOptions.timeout(Duration.ofSeconds(5)));
    }
  }

  private boolean awaitRecord(long sequence) {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (running && System.nanoTime() < deadline) {
      for (ConsumerRecord<Long, Long> record : consumer.poll(POLL)) {
        if (record.value() == sequence) {
          return true;
        }
      }
    }
    return false;
  }

  private static Map<String, Object> toMap(Properties properties) {
    Map<String, Object> map = new HashMap<>();
    properties.forEach((key, value) -> map.put(key.toString(), value));
    return map;
  }
}
