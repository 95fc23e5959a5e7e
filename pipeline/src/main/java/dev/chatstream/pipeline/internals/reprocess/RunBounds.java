package dev.chatstream.pipeline.internals.reprocess;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Where a run's reading stops: the end offset of every partition of the topics it reads, taken when the
 * run first started (for {@code read_committed} readers, the last stable offset). A resumed run keeps
 * them, so it replays exactly what the first start selected, however much was written since.
 */
public final class RunBounds {
  private final Map<String, List<Long>> endOffsets;

  private RunBounds(Map<String, List<Long>> endOffsets) {
    this.endOffsets = endOffsets;
  }

  /** The current end offsets of {@code topics}. */
  static RunBounds take(Properties clientProperties, Collection<String> topics) {
    Properties props = new Properties();
    props.putAll(clientProperties);
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    Map<String, List<Long>> ends = new LinkedHashMap<>();
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      for (String topic : topics) {
        List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(30));
        if (infos == null || infos.isEmpty()) {
          throw new IllegalArgumentException("topic " + topic + " does not exist");
        }
        List<TopicPartition> partitions = new ArrayList<>();
        for (int p = 0; p < infos.size(); p++) {
          partitions.add(new TopicPartition(topic, p));
        }
        Map<TopicPartition, Long> offsets = consumer.endOffsets(partitions, Duration.ofSeconds(30));
        ends.put(topic, partitions.stream().map(offsets::get).toList());
      }
    }
    return new RunBounds(ends);
  }

  /** Bounds as a manifest holds them: each topic's end offsets by partition. */
  static RunBounds of(Map<String, List<Long>> endOffsets) {
    Map<String, List<Long>> copy = new LinkedHashMap<>();
    endOffsets.forEach((topic, offsets) -> copy.put(topic, List.copyOf(offsets)));
    return new RunBounds(copy);
  }

  /** Each topic's end offsets by partition. */
  Map<String, List<Long>> asMap() {
    return endOffsets;
  }

  /** The partitions of {@code topic} the run reads. */
  List<TopicPartition> partitions(String topic) {
    List<TopicPartition> partitions = new ArrayList<>();
    for (int p = 0; p < offsets(topic).size(); p++) {
      partitions.add(new TopicPartition(topic, p));
    }
    return partitions;
  }

  /** The offset reading of {@code topic}'s partition {@code partition} stops before. */
  public long end(String topic, int partition) {
    List<Long> offsets = offsets(topic);
    return partition < offsets.size() ? offsets.get(partition) : 0;
  }

  /** Records within the bounds of {@code topic}, assuming its partitions start at offset 0. */
  long records(String topic) {
    return offsets(topic).stream().mapToLong(Long::longValue).sum();
  }

  private List<Long> offsets(String topic) {
    List<Long> offsets = endOffsets.get(topic);
    if (offsets == null) {
      throw new IllegalArgumentException("the run's bounds do not cover topic " + topic);
    }
    return offsets;
  }
}
