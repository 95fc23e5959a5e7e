package dev.chatstream.pipeline.internals.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chatstream.events.ChatChunk;
import dev.chatstream.events.ReplyCompleted;
import dev.chatstream.events.item.ChatMessage;
import dev.chatstream.events.item.ChatRole;
import dev.chatstream.events.item.TextContent;
import dev.chatstream.events.stream.ChoiceDelta;
import dev.chatstream.schemas.EventTypes;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class OutputEventJsonTest {

  @BeforeAll
  static void trustEventClasses() {
    EventTypes.trustGeneratedClasses();
  }

  @Test
  void writesEventsWithTheirTypeAndSnakeCaseFields() {
    ChatChunk chunk = ChatChunk.newBuilder().setConversationId("c").setRequestId("r").setAttempt(1).setSequence(4)
        .setRequestMetadata(Map.of("user", "u")).setId("cmpl")
        .setDelta(ChoiceDelta.newBuilder().setRole(ChatRole.assistant).setContent("Hi").setExtra(Map.of("x", "{\"a\":1}"))
            .build())
        .build();
    JsonNode json = OutputEventJson.toJson(chunk);
    assertEquals("ChatChunk", json.get("type").asText());
    assertEquals("c", json.get("conversation_id").asText());
    assertEquals(4, json.get("sequence").asLong());
    assertEquals("u", json.get("request_metadata").get("user").asText());
    assertEquals("Hi", json.get("delta").get("content").asText());
    assertEquals("assistant", json.get("delta").get("role").asText());
    assertEquals(1, json.get("delta").get("extra").get("x").get("a").asInt());
    assertEquals(true, json.get("usage").isNull());
  }

  @Test
  void writesNestedMessagesOfAReply() {
    ReplyCompleted reply = ReplyCompleted.newBuilder().setConversationId("c").setRequestId("r").setAttempt(1)
        .setSequence(9).setMessage(ChatMessage.newBuilder().setId("m").setRole(ChatRole.assistant)
            .setContent(List.of(TextContent.newBuilder().setText("done").build())).setCreatedAt(1.5).build())
        .setFinishReason("stop").build();
    JsonNode json = OutputEventJson.toJson(reply);
    assertEquals("done", json.get("message").get("content").get(0).get("text").asText());
    assertEquals(1.5, json.get("message").get("created_at").asDouble());
    assertEquals("stop", json.get("finish_reason").asText());
    assertEquals(0, json.get("function_calls").size());
  }
}
