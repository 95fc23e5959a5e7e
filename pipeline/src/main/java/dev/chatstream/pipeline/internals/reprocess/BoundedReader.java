package dev.chatstream.pipeline.internals.reprocess;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads topics from their start up to a run's bounds, one partition after another in partition order,
 * without a consumer group and under {@code read_committed}: the same records in the same order every
 * time, which makes a survey repeatable on resume.
 */
final class BoundedReader implements AutoCloseable {
  private static final Duration POLL = Duration.ofMillis(200);

  private final KafkaConsumer<String, byte[]> consumer;
  private final RunBounds bounds;

  BoundedReader(Properties clientProperties, RunBounds bounds) {
    Properties props = new Properties();
    props.putAll(clientProperties);
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.putIfAbsent(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
    this.consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
    this.bounds = bounds;
  }

  /**
   * Hands every record of {@code topic} below the bounds to {@code sink}, partition by partition: all
   * partitions are assigned, and all but the one being read are paused.
   */
  void read(String topic, Consumer<ConsumerRecord<String, byte[]>> sink) {
    List<TopicPartition> partitions = bounds.partitions(topic);
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
    consumer.pause(partitions);
    for (TopicPartition partition : partitions) {
      long end = bounds.end(topic, partition.partition());
      consumer.resume(List.of(partition));
      while (consumer.position(partition) < end) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
          if (record.offset() < end) {
            sink.accept(record);
          }
        }
      }
      consumer.pause(List.of(partition));
    }
  }

  @Override
  public void close() {
    consumer.close(Duration.ofSeconds(5));
  }
}
