package dev.chatstream.pipeline.it;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatstream.events.ChatChunk;
import dev.chatstream.pipeline.ChatstreamService;
import dev.chatstream.pipeline.config.ChatstreamConfig;
import dev.chatstream.pipeline.testing.BrokerExtension;
import dev.chatstream.pipeline.testing.FixtureLlmServer.Reply;
import dev.chatstream.pipeline.testing.FixtureLlmServer;
import dev.chatstream.pipeline.testing.OutputLog;
import dev.chatstream.pipeline.testing.PipelineOnBroker;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Under {@code exactly_once_v2} with a commit interval far longer than the test, a reply's first chunk
 * reaches a {@code read_committed} consumer because the pipeline asks for a commit right after
 * forwarding it; with {@code first.chunk.commit.ms=-1} the whole reply stays invisible until the next
 * scheduled commit, although it streams to its end.
 */
@Timeout(90)
class FirstChunkCommitTest {
  private static final String LONG_COMMIT_INTERVAL_MS = "300000";
  /** Kafka Streams refuses a transaction timeout shorter than the commit interval. */
  private static final String TRANSACTION_TIMEOUT_MS = "600000";
  private static final Duration EVENT_GAP = Duration.ofMillis(300);

  @RegisterExtension
  static final BrokerExtension broker = new BrokerExtension();

  @Test
  void theFirstChunkIsCommittedWithoutWaitingForTheCommitInterval() {
    try (FixtureLlmServer llm = FixtureLlmServer.start().then(Reply.paced(FixtureLlmServer.TEXT, EVENT_GAP));
        PipelineOnBroker pipeline = PipelineOnBroker.create(broker.kafka(), broker.dir(), "first-chunk-commit",
            settings("0"))) {
      ChatstreamService service = pipeline.start(llm.registry());
      pipeline.awaitRunning(service);
      askForReply(pipeline);
      pipeline.outputs().awaitEvent(ChatChunk.class, chunk -> chunk.getRequestId().equals("r1"),
          Duration.ofSeconds(15), "the first chunk of r1 under read_committed");
    }
  }

  @Test
  void withoutFirstChunkCommitsTheChunkWaitsForTheCommitInterval() {
    try (FixtureLlmServer llm = FixtureLlmServer.start().then(Reply.paced(FixtureLlmServer.TEXT, EVENT_GAP));
        PipelineOnBroker pipeline = PipelineOnBroker.create(broker.kafka(), broker.dir(), "no-first-chunk-commit",
            settings("-1"))) {
      ChatstreamService service = pipeline.start(llm.registry());
      pipeline.awaitRunning(service);
      askForReply(pipeline);
      OutputLog out = pipeline.outputs();
      AssertionError timedOut = assertThrows(AssertionError.class,
          () -> out.awaitEvent(ChatChunk.class, chunk -> chunk.getRequestId().equals("r1"),
              Duration.ofSeconds(8), "the first chunk of r1 under read_committed"));
      assertTrue(timedOut.getMessage().startsWith("timed out"), timedOut.getMessage());
      assertTrue(uncommittedRecords(pipeline.bootstrapServers(), pipeline.topics().chunks().name()) > 0,
          "the chunks were written, in a transaction not yet committed");
    }
  }

  private static Map<String, String> settings(String firstChunkCommitMs) {
    return Map.of(
        ChatstreamConfig.PROCESSING_GUARANTEE_CONFIG, ChatstreamConfig.EXACTLY_ONCE_V2,
        ChatstreamConfig.COMMIT_INTERVAL_MS_CONFIG, LONG_COMMIT_INTERVAL_MS,
        ChatstreamConfig.KAFKA_PREFIX + "producer.transaction.timeout.ms", TRANSACTION_TIMEOUT_MS,
        ChatstreamConfig.FIRST_CHUNK_COMMIT_MS_CONFIG, firstChunkCommitMs);
  }

  /** How many records a read_uncommitted consumer finds in {@code topic}, open transactions included. */
  private static int uncommittedRecords(String bootstrapServers, String topic) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted");
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
          .map(info -> new TopicPartition(topic, info.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      int count = 0;
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (count == 0 && System.nanoTime() < deadline) {
        count += consumer.poll(Duration.ofMillis(100)).count();
      }
      return count;
    }
  }

  private static void askForReply(PipelineOnBroker pipeline) {
    pipeline.send("""
        {"type":"message","conversation_id":"c","role":"user","content":["Weather in San Francisco?"]}""");
    pipeline.send("""
        {"type":"generate_reply","conversation_id":"c","request_id":"r1"}""");
  }
}
