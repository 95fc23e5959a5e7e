package dev.chatstream.pipeline.broker;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * A topic to create: name, partition count, replication factor and topic-level settings
 * ({@code cleanup.policy}, {@code retention.ms}, ...).
 *
 * @param name the topic name
 * @param partitions the number of partitions, at least 1
 * @param replicationFactor the number of replicas, at least 1
 * @param configs topic-level settings, possibly empty
 */
public record TopicSpec(String name, int partitions, short replicationFactor, Map<String, String> configs) {

  /** Validates and copies. */
  public TopicSpec {
    Objects.requireNonNull(name, "topic name must not be null");
    if (name.isBlank()) {
      throw new IllegalArgumentException("topic name must not be blank");
    }
    if (partitions < 1) {
      throw new IllegalArgumentException("topic " + name + ": partitions must be >= 1, was " + partitions);
    }
    if (replicationFactor < 1) {
      throw new IllegalArgumentException(
          "topic " + name + ": replication factor must be >= 1, was " + replicationFactor);
    }
    configs = Map.copyOf(configs);
  }

  /** A topic with no topic-level settings. */
  public static TopicSpec of(String name, int partitions, short replicationFactor) {
    return new TopicSpec(name, partitions, replicationFactor, Map.of());
  }

  /** A copy with one more topic-level setting. */
  public TopicSpec withConfig(String key, String value) {
    Map<String, String> merged = new HashMap<>(configs);
    merged.put(key, value);
    return new TopicSpec(name, partitions, replicationFactor, merged);
  }

  NewTopic toNewTopic() {
    return new NewTopic(name, partitions, replicationFactor).configs(configs);
  }
}
