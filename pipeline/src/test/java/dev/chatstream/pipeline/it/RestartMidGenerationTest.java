package dev.chatstream.pipeline.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chatstream.events.ChatChunk;
import dev.chatstream.events.ConversationEvent;
import dev.chatstream.events.ReplyCompleted;
import dev.chatstream.events.item.ChatMessage;
import dev.chatstream.pipeline.ChatstreamService;
import dev.chatstream.pipeline.config.ChatstreamConfig;
import dev.chatstream.pipeline.internals.topology.Origin;
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
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The instance running a generation stops in the middle of it, under {@code exactly_once_v2}; a new
 * instance of the same application (on the old state directory, or on an empty one that must be
 * restored from the changelog) runs the generation again as attempt 2, and the reply is complete
 * exactly once: in the replies topic and in the conversation.
 */
@Timeout(60)
class RestartMidGenerationTest {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Deserializer<SpecificRecord> OUTPUTS = EventSerdes.singleObject(EventTypes.all()).deserializer();
  private static final Deserializer<ConversationEvent> EVENTS =
      EventSerdes.singleObject(ConversationEvent.class).deserializer();

  @RegisterExtension
  static final BrokerExtension broker = new BrokerExtension();

  @Test
  void restartOnTheSameStateRunsTheInterruptedGenerationAgainAsAttemptTwo() throws Exception {
    restartMidGeneration("kept-state", false);
  }

  @Test
  void restartOnAnEmptyStateDirectoryRestoresTheGenerationFromTheChangelog() throws Exception {
    restartMidGeneration("wiped-state", true);
  }

  private void restartMidGeneration(String name, boolean wipeState) throws IOException {
    try (FixtureLlmServer llm = FixtureLlmServer.start().then(Reply.paced(FixtureLlmServer.TEXT, Duration.ofMillis(100)));
        PipelineOnBroker pipeline = PipelineOnBroker.create(broker.kafka(), broker.dir(), name,
            Map.of(ChatstreamConfig.PROCESSING_GUARANTEE_CONFIG, ChatstreamConfig.EXACTLY_ONCE_V2))) {
      Path stateDir = pipeline.newStateDir();
      ChatstreamService first = pipeline.start(llm.registry(), stateDir);
      pipeline.awaitRunning(first);
      pipeline.send("""
          {"type":"message","conversation_id":"c","role":"system","content":["Be brief."]}""");
      pipeline.send("""
          {"type":"message","conversation_id":"c","role":"user","content":["Weather in San Francisco?"]}""");
      pipeline.send("""
          {"type":"generate_reply","conversation_id":"c","request_id":"r1"}""");
      OutputLog out = pipeline.outputs();
      out.awaitUntil(WAIT, "attempt 1 streaming", log -> log.events(ChatChunk.class,
          c -> c.getRequestId().equals("r1") && c.getAttempt() == 1).size() >= 3);

      pipeline.stop(first);
      Eventually.until(WAIT, "the provider to see attempt 1's stream closed", () -> llm.abandoned() == 1);
      ChatstreamService second = pipeline.start(llm.registry(), wipeState ? pipeline.newStateDir() : stateDir);
      pipeline.awaitRunning(second);

      ReplyCompleted reply = out.awaitEvent(ReplyCompleted.class, r -> r.getRequestId().equals("r1"), WAIT, "reply r1");
      assertEquals(2, reply.getAttempt());
      assertFalse(reply.getCancelled());
      assertFalse(reply.getMessage().getInterrupted());
      assertEquals(FixtureLlmServer.TEXT_REPLY, EventText.of(reply));
      List<ChatChunk> retried = out.awaitChunksOf(reply, WAIT);
      assertEquals(0, retried.get(0).getSequence(), "attempt 2 numbers its events from 0");
      String partial = EventText.of(out.events(ChatChunk.class, c -> c.getRequestId().equals("r1") && c.getAttempt() == 1));
      assertTrue(FixtureLlmServer.TEXT_REPLY.startsWith(partial) && partial.length() < FixtureLlmServer.TEXT_REPLY.length(),
          "attempt 1's committed chunks stay visible, marked attempt 1: " + partial);

      pipeline.send("""
          {"type":"message","conversation_id":"c","role":"user","content":["Thanks."]}""");
      pipeline.send("""
          {"type":"generate_reply","conversation_id":"c","request_id":"r2"}""");
      out.awaitEvent(ReplyCompleted.class, r -> r.getRequestId().equals("r2"), WAIT, "reply r2");
      pipeline.stop(second);

      JsonNode firstTwo = JSON.readTree("""
          [{"role":"system","content":"Be brief."},{"role":"user","content":"Weather in San Francisco?"}]""");
      assertEquals(firstTwo, llm.takeRequestBody().get("messages"), "attempt 1");
      assertEquals(firstTwo, llm.takeRequestBody().get("messages"), "attempt 2 sends the same context");
      assertEquals(JSON.readTree("""
          [{"role":"system","content":"Be brief."},{"role":"user","content":"Weather in San Francisco?"},
           {"role":"assistant","content":%s},{"role":"user","content":"Thanks."}]"""
          .formatted(JSON.writeValueAsString(FixtureLlmServer.TEXT_REPLY))),
          llm.takeRequestBody().get("messages"), "the context holds the reply once");

      assertEquals(1, committedReplies(pipeline, "r1"), "one committed reply for r1");
      assertGeneratedItemsAppearOnce(pipeline, reply.getMessage().getId());
    }
  }

  private static long committedReplies(PipelineOnBroker pipeline, String requestId) {
    String topic = pipeline.topics().replies().name();
    return CommittedLog.read(pipeline.bootstrapServers(), topic, WAIT).stream()
        .map(record -> OUTPUTS.deserialize(topic, record.value()))
        .filter(event -> event instanceof ReplyCompleted reply && reply.getRequestId().equals(requestId))
        .count();
  }

  /** The items the pipeline appended to the conversations topic: distinct ids, the reply's message once. */
  private static void assertGeneratedItemsAppearOnce(PipelineOnBroker pipeline, String messageId) {
    String topic = pipeline.topics().conversations().name();
    String applicationId = pipeline.settings().get(ChatstreamConfig.APPLICATION_ID_CONFIG);
    Set<String> ids = new HashSet<>();
    int messages = 0;
    for (ConsumerRecord<String, byte[]> record : CommittedLog.read(pipeline.bootstrapServers(), topic, WAIT)) {
      if (!Origin.isFrom(record.headers(), applicationId)) {
        continue;
      }
      ChatMessage item = (ChatMessage) EVENTS.deserialize(topic, record.value()).getPayload();
      assertTrue(ids.add(item.getId()), "item " + item.getId() + " was appended twice");
      if (item.getId().equals(messageId)) {
        messages++;
        assertEquals(FixtureLlmServer.TEXT_REPLY, EventText.of(item));
      }
    }
    assertEquals(1, messages, "the reply of r1 is in the log once");
    assertEquals(2, ids.size(), "the replies of r1 and r2");
  }
}
