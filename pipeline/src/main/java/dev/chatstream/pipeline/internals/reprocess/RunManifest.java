package dev.chatstream.pipeline.internals.reprocess;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.chatstream.llm.internal.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * What a run was started with, kept in its {@code <prefix>run} topic (one partition, compacted) so that
 * the same command resumes it from any machine: the bounds its reading stops at, and the options that
 * decide what it replays (a resume with other options would not be the same run).
 *
 * @param runId the run
 * @param startedAt when it first started
 * @param bounds where its reading stops
 * @param options the options that decide what it replays, as text
 */
public record RunManifest(String runId, Instant startedAt, RunBounds bounds, Map<String, String> options) {
  private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() {};

  /** Copies the options. */
  public RunManifest {
    options = Map.copyOf(options);
  }

  /** The manifest of {@code runId} in {@code topic}, if the run was started before. */
  static Optional<RunManifest> read(Properties clientProperties, String topic, String runId) {
    Properties props = new Properties();
    props.putAll(clientProperties);
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    RunManifest found = null;
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
      TopicPartition partition = new TopicPartition(topic, 0);
      if (consumer.partitionsFor(topic, Duration.ofSeconds(30)).isEmpty()) {
        return Optional.empty();
      }
      consumer.assign(List.of(partition));
      consumer.seekToBeginning(List.of(partition));
      long end = consumer.endOffsets(List.of(partition)).get(partition);
      while (consumer.position(partition) < end) {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
          if (runId.equals(record.key()) && record.value() != null) {
            found = parse(record.value());
          }
        }
      }
    }
    return Optional.ofNullable(found);
  }

  /** Writes this manifest to {@code topic} and waits until the broker has it. */
  void write(Properties clientProperties, String topic) {
    Properties props = new Properties();
    props.putAll(clientProperties);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
      producer.send(new ProducerRecord<>(topic, runId, toJson())).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while writing the run manifest", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("writing the run manifest to " + topic + " failed: " + e.getCause().getMessage(),
          e.getCause());
    }
  }

  String toJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("run_id", runId);
    json.put("started_at", startedAt.toString());
    json.put("bounds", bounds.asMap());
    json.put("options", options);
    try {
      return Json.mapper().writeValueAsString(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  @SuppressWarnings("unchecked")
  static RunManifest parse(String text) {
    try {
      Map<String, Object> json = Json.mapper().readValue(text.getBytes(StandardCharsets.UTF_8), JSON_OBJECT);
      Map<String, List<Long>> bounds = new LinkedHashMap<>();
      ((Map<String, List<Number>>) json.get("bounds")).forEach((topic, offsets) ->
          bounds.put(topic, offsets.stream().map(Number::longValue).toList()));
      return new RunManifest((String) json.get("run_id"), Instant.parse((String) json.get("started_at")),
          RunBounds.of(bounds), (Map<String, String>) json.get("options"));
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException("the run manifest cannot be read: " + e.getMessage(), e);
    }
  }
}
