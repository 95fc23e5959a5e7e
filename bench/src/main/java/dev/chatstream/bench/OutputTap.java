package dev.chatstream.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A downstream consumer of the pipeline's output topics, on a thread of its own: every partition is
 * read from the end it had when the tap started, each event decoded and handed to a listener with
 * the time it was received. Reads under {@code read_committed} when asked to (exactly-once runs).
 */
final class OutputTap implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(OutputTap.class);
  private static final Duration POLL = Duration.ofMillis(100);

  /** Receives the decoded events, on the tap's thread. */
  @FunctionalInterface
  interface Listener {
    void onEvent(OutputEvent event);
  }

  private final KafkaConsumer<String, byte[]> consumer;
  private final Deserializer<SpecificRecord> events;
  private final Listener listener;
  private final Thread thread;
  private volatile boolean running = true;
  private volatile RuntimeException failure;

  private OutputTap(KafkaConsumer<String, byte[]> consumer, Deserializer<SpecificRecord> events, Listener listener) {
    this.consumer = consumer;
    this.events = events;
    this.listener = listener;
    this.thread = Thread.ofPlatform().daemon().name("bench-output-tap").unstarted(this::run);
  }

  /** Starts reading {@code topics} from their current ends. */
  static OutputTap start(Properties clientProperties, Deserializer<SpecificRecord> events, List<String> topics,
      boolean readCommitted, Listener listener) {
    Properties props = new Properties();
    props.putAll(clientProperties);
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, readCommitted ? "read_committed" : "read_uncommitted");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000);
    KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
    List<TopicPartition> partitions = new ArrayList<>();
    for (String topic : topics) {
      for (PartitionInfo info : consumer.partitionsFor(topic, Duration.ofSeconds(30))) {
        partitions.add(new TopicPartition(topic, info.partition()));
      }
    }
    consumer.assign(partitions);
    consumer.seekToEnd(partitions);
    partitions.forEach(consumer::position);
    OutputTap tap = new OutputTap(consumer, events, listener);
    tap.thread.start();
    return tap;
  }

  private void run() {
    try {
      while (running) {
        ConsumerRecords<String, byte[]> records = consumer.poll(POLL);
        long receivedNanos = System.nanoTime();
        long receivedMs = System.currentTimeMillis();
        for (ConsumerRecord<String, byte[]> record : records) {
          listener.onEvent(new OutputEvent(record.key(), events.deserialize(record.topic(), record.value()),
              record.timestamp(), receivedNanos, receivedMs));
        }
      }
    } catch (WakeupException e) {
      // closing
    } catch (RuntimeException e) {
      LOG.error("the bench's output consumer failed", e);
      failure = e;
    } finally {
      consumer.close(CloseOptions.timeout(Duration.ofSeconds(5)));
    }
  }

  /**
   * Fails when the tap stopped reading.
   *
   * @throws IllegalStateException with the cause
   */
  void check() {
    RuntimeException cause = failure;
    if (cause != null) {
      throw new IllegalStateException("the bench's output consumer failed: " + cause.getMessage(), cause);
    }
  }

  @Override
  public void close() {
    running = false;
    consumer.wakeup();
    try {
      thread.join(Duration.ofSeconds(10));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
