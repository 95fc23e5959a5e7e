package dev.chatstream.pipeline.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Every record of a set of topics, byte for byte (partition, offset, timestamp, key, value, headers),
 * read uncommitted so that nothing written is missed: two snapshots are equal only when nothing was
 * added to, or changed in, any of those topics between them.
 */
public final class TopicSnapshot {
  private final Map<String, List<String>> records;

  private TopicSnapshot(Map<String, List<String>> records) {
    this.records = records;
  }

  /** A snapshot of every topic of the cluster whose name {@code include} accepts. */
  public static TopicSnapshot of(String bootstrapServers, Predicate<String> include) throws Exception {
    Set<String> topics = new TreeSet<>();
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
      admin.listTopics().names().get().stream().filter(include).forEach(topics::add);
    }
    Map<String, Object> props = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted", ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    Map<String, List<String>> records = new TreeMap<>();
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      for (String topic : topics) {
        List<TopicPartition> partitions = new ArrayList<>();
        for (PartitionInfo info : consumer.partitionsFor(topic, Duration.ofSeconds(10))) {
          partitions.add(new TopicPartition(topic, info.partition()));
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
        List<String> lines = new ArrayList<>();
        while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
          for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
            lines.add(describe(record));
          }
        }
        lines.sort(null);
        records.put(topic, lines);
      }
    }
    return new TopicSnapshot(records);
  }

  /** The topics in the snapshot. */
  public Set<String> topics() {
    return records.keySet();
  }

  /** How many records the snapshot holds. */
  public int size() {
    return records.values().stream().mapToInt(List::size).sum();
  }

  private static String describe(ConsumerRecord<byte[], byte[]> record) {
    StringBuilder line = new StringBuilder().append(record.partition()).append('@').append(record.offset())
        .append(" t=").append(record.timestamp()).append(" key=").append(hex(record.key()))
        .append(" value=").append(hex(record.value()));
    for (Header header : record.headers()) {
      line.append(' ').append(header.key()).append('=').append(hex(header.value()));
    }
    return line.toString();
  }

  private static String hex(byte[] bytes) {
    return bytes == null ? "null" : HexFormat.of().formatHex(bytes);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof TopicSnapshot snapshot && records.equals(snapshot.records);
  }

  @Override
  public int hashCode() {
    return records.hashCode();
  }

  @Override
  public String toString() {
    return records.keySet() + " (" + size() + " records)" + (size() < 50 ? " " + Arrays.toString(
        records.values().toArray()) : "");
  }
}
