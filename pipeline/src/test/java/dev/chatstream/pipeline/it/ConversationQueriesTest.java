package dev.chatstream.pipeline.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chatstream.events.ReplyCompleted;
import dev.chatstream.pipeline.ChatstreamService;
import dev.chatstream.pipeline.config.ChatstreamConfig;
import dev.chatstream.pipeline.testing.BrokerExtension;
import dev.chatstream.pipeline.testing.Eventually;
import dev.chatstream.pipeline.testing.FixtureLlmServer.Reply;
import dev.chatstream.pipeline.testing.FixtureLlmServer;
import dev.chatstream.pipeline.testing.HttpGet;
import dev.chatstream.pipeline.testing.OutputLog;
import dev.chatstream.pipeline.testing.PipelineOnBroker;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two instances share the partitions; each is asked over HTTP for a conversation the other owns and
 * answers with the owner's view (Kafka Streams' interactive queries over {@code application.server}):
 * the context as {@code to_dict} JSON, the header, the running and queued generations. Unknown
 * conversations are 404 from either instance; the probes are up; bad requests are 4xx with a JSON
 * error, never a stack trace.
 */
@Timeout(120)
class ConversationQueriesTest {
  private static final Duration WAIT = Duration.ofSeconds(40);
  private static final int PARTITIONS = 2;

  @RegisterExtension
  static final BrokerExtension broker = new BrokerExtension();

  @Test
  void eachInstanceAnswersForConversationsTheOtherOwns() {
    List<String> conversations = List.of(onPartition(0), onPartition(1));
    FixtureLlmServer llm = FixtureLlmServer.start()
        .then(Reply.of(FixtureLlmServer.TEXT))
        .then(Reply.of(FixtureLlmServer.TEXT))
        .then(Reply.paced(FixtureLlmServer.TEXT, Duration.ofMillis(200)));
    try (llm; PipelineOnBroker pipeline = PipelineOnBroker.create(broker.kafka(), broker.dir(), "queries", Map.of(
        ChatstreamConfig.PROCESSING_GUARANTEE_CONFIG, ChatstreamConfig.AT_LEAST_ONCE,
        ChatstreamConfig.TOPIC_PARTITIONS_CONFIG, Integer.toString(PARTITIONS)))) {
      ChatstreamService a = pipeline.start(llm.registry());
      ChatstreamService b = pipeline.start(llm.registry());
      pipeline.awaitRunning(a, b);
      for (String conversation : conversations) {
        pipeline.send("""
            {"type":"message","conversation_id":"%s","role":"user","content":["Hello from %s"]}"""
            .formatted(conversation, conversation));
        pipeline.send("""
            {"type":"generate_reply","conversation_id":"%s","request_id":"r1"}""".formatted(conversation));
      }
      OutputLog out = pipeline.outputs();
      out.awaitUntil(WAIT, "both replies", log -> log.events(ReplyCompleted.class).size() == 2);

      for (String conversation : conversations) {
        int partition = partitionOf(conversation);
        ChatstreamService owner = PipelineOnBroker.activePartitions(a).contains(partition) ? a : b;
        ChatstreamService other = owner == a ? b : a;
        String ownerAddress = "localhost:" + owner.httpPort().orElseThrow();

        HttpGet forwarded = HttpGet.of(other, "/conversations/" + conversation);
        assertEquals(200, forwarded.status(), forwarded.body());
        JsonNode body = forwarded.json();
        assertEquals(conversation, body.get("conversation_id").asText());
        assertEquals(ownerAddress, body.get("owner").asText(), "answered by the owner, through the other instance");
        assertEquals(partition, body.get("partition").asInt());
        JsonNode items = body.at("/context/items");
        assertEquals(2, items.size(), body.toString());
        assertEquals("user", items.get(0).get("role").asText());
        assertEquals("Hello from " + conversation, items.get(0).at("/content/0").asText());
        assertEquals("assistant", items.get(1).get("role").asText());
        assertEquals(FixtureLlmServer.TEXT_REPLY, items.get(1).at("/content/0").asText());
        assertEquals(2, body.at("/header/item_count").asInt());
        assertTrue(body.get("generations").isEmpty(), "nothing queued or running once the reply is done");

        HttpGet direct = HttpGet.of(owner, "/conversations/" + conversation);
        assertEquals(body, direct.json(), "the owner's own answer is the same");
      }

      String busy = conversations.get(0);
      pipeline.send("""
          {"type":"generate_reply","conversation_id":"%s","request_id":"r2"}""".formatted(busy));
      pipeline.send("""
          {"type":"generate_reply","conversation_id":"%s","request_id":"r3"}""".formatted(busy));
      ChatstreamService notOwner = PipelineOnBroker.activePartitions(a).contains(partitionOf(busy)) ? b : a;
      Eventually.until(WAIT, "r2 running and r3 queued", () ->
          HttpGet.of(notOwner, "/conversations/" + busy).json().get("generations").size() == 2);
      JsonNode generations = HttpGet.of(notOwner, "/conversations/" + busy).json().get("generations");
      assertEquals("r2", generations.at("/0/request_id").asText());
      assertEquals("running", generations.at("/0/status").asText());
      assertEquals(1, generations.at("/0/attempt").asInt());
      assertEquals("r3", generations.at("/1/request_id").asText());
      assertEquals("queued", generations.at("/1/status").asText());
      assertEquals(0, generations.at("/1/attempt").asInt());

      for (ChatstreamService service : List.of(a, b)) {
        HttpGet unknown = HttpGet.of(service, "/conversations/" + onPartition(partitionOf(busy) == 0 ? 1 : 0) + "-x");
        assertEquals(404, unknown.status());
        assertTrue(unknown.json().get("error").asText().startsWith("unknown conversation"), unknown.body());
        HttpGet unknownHere = HttpGet.of(service, "/conversations/never-seen");
        assertEquals(404, unknownHere.status(), unknownHere.body());

        HttpGet live = HttpGet.of(service, "/health/live");
        assertEquals(200, live.status());
        assertEquals("UP", live.json().get("status").asText());
        HttpGet ready = HttpGet.of(service, "/health/ready");
        assertEquals(200, ready.status(), ready.body());
        assertEquals("RUNNING", ready.json().get("streams").asText());
        assertEquals("reachable", ready.json().get("broker").asText());
      }
    }
  }

  @Test
  void badRequestsAreJsonErrorsWithoutStackTraces() {
    try (FixtureLlmServer llm = FixtureLlmServer.start();
        PipelineOnBroker pipeline = PipelineOnBroker.create(broker.kafka(), broker.dir().resolve("bad"), "bad-requests",
            Map.of(ChatstreamConfig.PROCESSING_GUARANTEE_CONFIG, ChatstreamConfig.AT_LEAST_ONCE))) {
      ChatstreamService service = pipeline.start(llm.registry());
      pipeline.awaitRunning(service);
      List<HttpGet> answers = List.of(
          expect(405, HttpGet.send(service, "/conversations/c1", "POST")),
          expect(405, HttpGet.send(service, "/metrics", "DELETE")),
          expect(400, HttpGet.of(service, "/conversations/")),
          expect(400, HttpGet.of(service, "/conversations/a/b")),
          expect(404, HttpGet.of(service, "/nothing-here")),
          expect(404, HttpGet.of(service, "/conversations/" + "no%20such%20conversation")));
      for (HttpGet answer : answers) {
        assertTrue(answer.contentType().startsWith("application/json"), answer.contentType());
        assertEquals(answer.status(), answer.json().get("status").asInt());
        assertFalse(answer.json().get("error").asText().isBlank());
        assertFalse(answer.body().contains("Exception") || answer.body().contains("\tat "), answer.body());
      }
      assertNotEquals(-1, answers.get(4).body().indexOf("/health/ready"), "a 404 names the endpoints");
    }
  }

  private static HttpGet expect(int status, HttpGet answer) {
    assertEquals(status, answer.status(), answer.body());
    return answer;
  }

  private static String onPartition(int partition) {
    for (int i = 0; ; i++) {
      String id = "q-" + i;
      if (partitionOf(id) == partition) {
        return id;
      }
    }
  }

  private static int partitionOf(String conversationId) {
    return Utils.toPositive(Utils.murmur2(conversationId.getBytes(StandardCharsets.UTF_8))) % PARTITIONS;
  }
}
