package dev.chatstream.pipeline.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.chatstream.events.ChatChunk;
import dev.chatstream.events.ReplyCompleted;
import dev.chatstream.pipeline.ChatstreamService;
import dev.chatstream.pipeline.config.ChatstreamConfig;
import dev.chatstream.pipeline.testing.BrokerExtension;
import dev.chatstream.pipeline.testing.CommittedLog;
import dev.chatstream.pipeline.testing.EventText;
import dev.chatstream.pipeline.testing.Eventually;
import dev.chatstream.pipeline.testing.FixtureLlmServer.Reply;
import dev.chatstream.pipeline.testing.FixtureLlmServer;
import dev.chatstream.pipeline.testing.OutputLog;
import dev.chatstream.pipeline.testing.PipelineOnBroker;
import dev.chatstream.schemas.EventSerdes;
import dev.chatstream.schemas.EventTypes;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two instances of one application share the partitions; one stops while every conversation has a
 * reply streaming. The other takes its partitions over and finishes every reply, those it inherited
 * as attempt 2, and under {@code exactly_once_v2} every request has exactly one committed reply.
 */
@Timeout(90)
class TwoInstancesTest {
  private static final Duration WAIT = Duration.ofSeconds(40);
  private static final int PARTITIONS = 4;
  private static final int CONVERSATIONS_PER_PARTITION = 2;
  private static final Deserializer<SpecificRecord> OUTPUTS = EventSerdes.singleObject(EventTypes.all()).deserializer();

  @RegisterExtension
  static final BrokerExtension broker = new BrokerExtension();

  @Test
  void survivingInstanceFinishesEveryReplyOnceAndRestartsTheMovedOnesAsAttemptTwo() {
    List<String> conversations = conversationsOnEveryPartition();
    FixtureLlmServer llm = FixtureLlmServer.start();
    conversations.forEach(c -> llm.then(Reply.paced(FixtureLlmServer.TEXT, Duration.ofMillis(150))));
    try (llm; PipelineOnBroker pipeline = PipelineOnBroker.create(broker.kafka(), broker.dir(), "two-instances", Map.of(
        ChatstreamConfig.PROCESSING_GUARANTEE_CONFIG, ChatstreamConfig.EXACTLY_ONCE_V2,
        ChatstreamConfig.TOPIC_PARTITIONS_CONFIG, Integer.toString(PARTITIONS)))) {
      ChatstreamService leaving = pipeline.start(llm.registry());
      ChatstreamService staying = pipeline.start(llm.registry());
      pipeline.awaitRunning(leaving, staying);

      Map<String, Integer> partitionOf = new LinkedHashMap<>();
      for (String conversation : conversations) {
        partitionOf.put(conversation, pipeline.send("""
            {"type":"message","conversation_id":"%s","role":"user","content":["Weather?"]}""".formatted(conversation))
            .partition());
        pipeline.send("""
            {"type":"generate_reply","conversation_id":"%s","request_id":"%s-r1"}""".formatted(conversation, conversation));
      }
      OutputLog out = pipeline.outputs();
      out.awaitUntil(WAIT, "every reply streaming", log -> conversations.stream().allMatch(conversation ->
          log.events(ChatChunk.class, c -> c.getConversationId().equals(conversation)).size() >= 3));

      assertEquals(List.of(), out.events(ReplyCompleted.class), "no reply may finish before the instance stops");
      Set<Integer> moving = PipelineOnBroker.activePartitions(leaving);
      List<String> moved = conversations.stream().filter(c -> moving.contains(partitionOf.get(c))).toList();
      assertFalse(moved.isEmpty() || moved.size() == conversations.size(), "each instance runs some conversations");
      pipeline.stop(leaving);
      Eventually.until(WAIT, "the provider to see the moved streams closed", () -> llm.abandoned() == moved.size());

      out.awaitUntil(WAIT, "every reply", log -> log.events(ReplyCompleted.class).size() == conversations.size());
      for (ReplyCompleted reply : out.events(ReplyCompleted.class)) {
        String conversation = reply.getConversationId();
        assertEquals(moved.contains(conversation) ? 2 : 1, reply.getAttempt(), conversation);
        assertFalse(reply.getCancelled(), conversation);
        assertEquals(FixtureLlmServer.TEXT_REPLY, EventText.of(reply), conversation);
        out.awaitChunksOf(reply, WAIT);
      }
      assertEquals(conversations.size() + moved.size(), llm.requestCount(), "one more request per moved reply");
      pipeline.stop(staying);

      String topic = pipeline.topics().replies().name();
      Map<String, Long> committed = CommittedLog.read(pipeline.bootstrapServers(), topic, WAIT).stream()
          .map(record -> (ReplyCompleted) OUTPUTS.deserialize(topic, record.value()))
          .collect(Collectors.groupingBy(ReplyCompleted::getRequestId, Collectors.counting()));
      assertEquals(conversations.stream().collect(Collectors.toMap(c -> c + "-r1", c -> 1L)), committed,
          "exactly one committed reply per request");
    }
  }

  /** Conversation ids whose records land on every partition, {@value #CONVERSATIONS_PER_PARTITION} each. */
  private static List<String> conversationsOnEveryPartition() {
    Map<Integer, List<String>> byPartition = new LinkedHashMap<>();
    for (int i = 0; byPartition.values().stream().mapToInt(List::size).sum() < PARTITIONS * CONVERSATIONS_PER_PARTITION; i++) {
      String id = "conversation-" + i;
      int partition = Utils.toPositive(Utils.murmur2(id.getBytes(StandardCharsets.UTF_8))) % PARTITIONS;
      List<String> ids = byPartition.computeIfAbsent(partition, p -> new ArrayList<>());
      if (ids.size() < CONVERSATIONS_PER_PARTITION) {
        ids.add(id);
      }
    }
    return byPartition.values().stream().flatMap(List::stream).toList();
  }
}
