package dev.chatstream.pipeline.internals.reprocess;

import dev.chatstream.events.ReprocessResult;
import dev.chatstream.pipeline.Topic;
import dev.chatstream.pipeline.internals.json.OutputEventJson;
import dev.chatstream.pipeline.reprocess.ReprocessProgress;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads a run's results topic from its start as they commit ({@code read_committed}), one result per
 * request: into the {@code --out} file (rewritten from the topic on every start, so a resumed run's
 * file holds each request once), into the summary's figures and into the progress display.
 */
final class ResultsTail implements AutoCloseable {
  private static final Duration POLL = Duration.ofMillis(200);

  private final KafkaConsumer<String, byte[]> consumer;
  private final Deserializer<ReprocessResult> results;
  private final String topic;
  private final BufferedWriter out;
  private final ReprocessProgress progress;
  private final ResultStats stats = new ResultStats();
  private final Set<RequestKey> seen = new HashSet<>();

  ResultsTail(Properties clientProperties, Topic<ReprocessResult> resultsTopic, Path outFile, ReprocessProgress progress) {
    Properties props = new Properties();
    props.putAll(clientProperties);
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.putIfAbsent(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 50);
    this.consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
    this.results = resultsTopic.valueSerde().deserializer();
    this.topic = resultsTopic.name();
    this.progress = progress;
    List<TopicPartition> partitions = new ArrayList<>();
    for (PartitionInfo info : consumer.partitionsFor(topic, Duration.ofSeconds(30))) {
      partitions.add(new TopicPartition(topic, info.partition()));
    }
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
    try {
      this.out = outFile == null ? null : Files.newBufferedWriter(outFile, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + outFile, e);
    }
  }

  /**
   * Reads until {@code expected} requests have a result.
   *
   * @param stopped true once the run cannot make progress any more (its streams failed)
   * @return false when the run stopped first, or the calling thread was interrupted
   */
  boolean awaitAll(int expected, BooleanSupplier stopped) {
    try {
      while (seen.size() < expected) {
        if (stopped.getAsBoolean() || Thread.currentThread().isInterrupted()) {
          return false;
        }
        for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
          accept(results.deserialize(topic, record.headers(), record.value()));
        }
        flush();
      }
      return true;
    } catch (InterruptException e) {
      return false;
    }
  }

  ResultStats stats() {
    return stats;
  }

  private void accept(ReprocessResult result) {
    if (!seen.add(new RequestKey(result.getConversationId(), result.getRequestId()))) {
      return;
    }
    stats.add(result);
    progress.result(result.getConversationId(), result.getRequestId(), result.getReplayed().getError() != null);
    if (out != null) {
      try {
        out.write(OutputEventJson.toJson(result).toString());
        out.newLine();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private void flush() {
    if (out != null) {
      try {
        out.flush();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  @Override
  public void close() {
    consumer.close(Duration.ofSeconds(5));
    if (out != null) {
      try {
        out.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
