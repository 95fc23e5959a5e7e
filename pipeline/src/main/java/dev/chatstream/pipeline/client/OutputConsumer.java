package dev.chatstream.pipeline.client;

import dev.chatstream.pipeline.Topics;
import dev.chatstream.schemas.EventDecodingException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads chatstream's output topics without a consumer group: every partition is assigned and read
 * from its start or its end, under {@code read_committed} (so exactly-once runs show only committed
 * events). The dead-letter topic's records are returned undecoded.
 */
public final class OutputConsumer implements AutoCloseable {
  private final KafkaConsumer<String, byte[]> consumer;
  private final Deserializer<SpecificRecord> events;
  private final String deadLetterTopic;

  /**
   * @param clientProperties bootstrap servers and client settings
   * @param chatstreamTopics the topics and their serdes (the dead-letter topic's values are not decoded)
   * @param topics the full names of the topics to read
   * @param fromBeginning read from the start of each partition, else only what arrives from now on
   */
  public OutputConsumer(Properties clientProperties, Topics chatstreamTopics, Collection<String> topics,
      boolean fromBeginning) {
    Properties props = new Properties();
    props.putAll(clientProperties);
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.putIfAbsent(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 10);
    this.consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
    this.events = chatstreamTopics.anyEvent().deserializer();
    this.deadLetterTopic = chatstreamTopics.dlq().name();
    List<TopicPartition> partitions = new ArrayList<>();
    for (String topic : topics) {
      List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(30));
      if (infos == null || infos.isEmpty()) {
        throw new IllegalArgumentException("topic " + topic + " does not exist (is chatstream running?)");
      }
      infos.forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
    }
    consumer.assign(partitions);
    if (fromBeginning) {
      consumer.seekToBeginning(partitions);
    } else {
      consumer.seekToEnd(partitions);
      partitions.forEach(consumer::position);
    }
  }

  /** The records that arrive within {@code timeout} (possibly none). */
  public List<OutputRecord> poll(Duration timeout) {
    List<OutputRecord> records = new ArrayList<>();
    for (ConsumerRecord<String, byte[]> record : consumer.poll(timeout)) {
      records.add(toOutput(record));
    }
    return records;
  }

  private OutputRecord toOutput(ConsumerRecord<String, byte[]> record) {
    Map<String, String> headers = new LinkedHashMap<>();
    for (Header header : record.headers()) {
      headers.put(header.key(), header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8));
    }
    SpecificRecord event = null;
    if (!record.topic().equals(deadLetterTopic) && record.value() != null) {
      try {
        event = events.deserialize(record.topic(), record.headers(), record.value());
      } catch (EventDecodingException e) {
        headers.put("chatstream.decode.error", e.getMessage());
      }
    }
    return new OutputRecord(record.topic(), record.partition(), record.offset(), record.key(), event, record.value(), headers);
  }

  @Override
  public void close() {
    consumer.close(Duration.ofSeconds(5));
  }
}
