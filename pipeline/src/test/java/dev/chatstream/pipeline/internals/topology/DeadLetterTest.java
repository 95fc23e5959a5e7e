package dev.chatstream.pipeline.internals.topology;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatstream.events.ChatChunk;
import dev.chatstream.events.ConversationEvent;
import dev.chatstream.events.LLMError;
import dev.chatstream.events.item.FunctionCallOutput;
import dev.chatstream.pipeline.Topics;
import dev.chatstream.pipeline.internals.errors.DeadLetterHeaders;
import dev.chatstream.pipeline.testing.TopologyHarness;
import dev.chatstream.schemas.EventSerdes;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DeadLetterTest {
  private static final String VALID_MESSAGE =
      "{\"type\":\"message\",\"conversation_id\":\"c1\",\"role\":\"user\",\"content\":[\"hi\"],\"created_at\":1}";

  private TopologyHarness harness = new TopologyHarness();

  @AfterEach
  void close() {
    harness.close();
  }

  private TestRecord<String, byte[]> onlyDeadLetter() {
    List<TestRecord<String, byte[]>> letters = harness.readDeadLetters();
    assertEquals(1, letters.size(), "dead letters");
    return letters.get(0);
  }

  private static String header(TestRecord<String, byte[]> record, String name) {
    return DeadLetterHeaders.read(record.headers(), name);
  }

  private void assertRejected(String key, byte[] value, String reason) {
    RecordHeaders headers = new RecordHeaders();
    headers.add("trace", "abc".getBytes(StandardCharsets.UTF_8));
    harness.sendRaw(key, value, headers);
    TestRecord<String, byte[]> letter = onlyDeadLetter();
    assertEquals(reason, header(letter, DeadLetterHeaders.REASON), header(letter, DeadLetterHeaders.MESSAGE));
    assertArrayEquals(value, letter.value());
    assertEquals(key, letter.key());
    assertEquals("chatstream.conversations", header(letter, DeadLetterHeaders.SOURCE_TOPIC));
    assertEquals("0", header(letter, DeadLetterHeaders.SOURCE_PARTITION));
    assertTrue(Long.parseLong(header(letter, DeadLetterHeaders.SOURCE_OFFSET)) >= 0);
    assertEquals("abc", header(letter, "trace"));
    harness.send(VALID_MESSAGE);
    assertEquals(1, harness.context("c1").size(), "a valid event after a bad one is still applied");
  }

  @Test
  void undecodableBytesAreDeadLettered() {
    assertRejected("c1", "not avro at all".getBytes(StandardCharsets.UTF_8), "malformed");
  }

  @Test
  void unknownFingerprintsAreDeadLettered() {
    byte[] value = {(byte) 0xC3, 0x01, 1, 2, 3, 4, 5, 6, 7, 8, 0};
    assertRejected("c1", value, "unknown_schema");
  }

  @Test
  void eventsOfAnotherTypeAreDeadLettered() {
    ChatChunk chunk = ChatChunk.newBuilder().setConversationId("c1").setRequestId("r").setAttempt(1).setSequence(0)
        .setId("x").build();
    assertRejected("c1", EventSerdes.singleObject(ChatChunk.class).serializer().serialize("t", chunk), "wrong_type");
  }

  @Test
  void emptyValuesAreDeadLettered() {
    harness.sendRaw("c1", null, new RecordHeaders());
    assertEquals("empty_value", header(onlyDeadLetter(), DeadLetterHeaders.REASON));
  }

  @Test
  void emptyConversationIdsAreDeadLettered() {
    assertRejected("", encode(event("", output("call_1"))), "empty_conversation_id");
  }

  @Test
  void recordsKeyedByAnotherIdAreDeadLettered() {
    assertRejected("c2", harness.encode(VALID_MESSAGE), "key_mismatch");
  }

  @Test
  void unknownLlmProfilesAreDeadLettered() {
    assertRejected("c1", harness.encode(
        "{\"type\":\"generate_reply\",\"conversation_id\":\"c1\",\"request_id\":\"r\",\"llm\":\"nope\"}"),
        "unknown_llm_profile");
  }

  @Test
  void duplicateToolNamesAreDeadLettered() {
    byte[] value = harness.encode("{\"type\":\"generate_reply\",\"conversation_id\":\"c1\",\"request_id\":\"r\","
        + "\"tools\":[{\"name\":\"a\"},{\"name\":\"a\"}]}");
    assertRejected("c1", value, "invalid_event");
  }

  @Test
  void functionOutputsWithAnEmptyCallIdAreDeadLettered() {
    assertRejected("c1", encode(event("c1", output(""))), "invalid_event");
  }

  @Test
  void oversizedEventsAreDeadLettered() {
    harness.close();
    harness = new TopologyHarness(Map.of("event.max.bytes", "200"));
    String big = "x".repeat(500);
    assertRejected("c1", harness.encode(
        "{\"type\":\"message\",\"conversation_id\":\"c1\",\"role\":\"user\",\"content\":[\"" + big + "\"]}"), "oversized");
  }

  @Test
  void itemsPastTheConversationLimitAreRejectedWithAnErrorEvent() {
    harness.close();
    harness = new TopologyHarness(Map.of("conversation.max.items", "2"));
    harness.send(VALID_MESSAGE);
    harness.send(VALID_MESSAGE);
    byte[] third = harness.encode(VALID_MESSAGE);
    harness.sendRaw("c1", third, new RecordHeaders());
    TestRecord<String, byte[]> letter = onlyDeadLetter();
    assertEquals("conversation_limit", header(letter, DeadLetterHeaders.REASON));
    assertArrayEquals(third, letter.value());
    LLMError error = (LLMError) harness.read(Topics.ERRORS).get(0);
    assertTrue(error.getError().getMessage().contains("conversation.max.items"), error.getError().getMessage());
    assertEquals(2, harness.context("c1").size());
  }

  private static ConversationEvent event(String conversationId, Object payload) {
    return ConversationEvent.newBuilder().setEventId("e1").setConversationId(conversationId)
        .setProducedAt(Instant.ofEpochMilli(1)).setPayload(payload).build();
  }

  private static FunctionCallOutput output(String callId) {
    return FunctionCallOutput.newBuilder().setId("o1").setCallId(callId).setName("f").setOutput("x")
        .setCreatedAt(1.0).build();
  }

  private static byte[] encode(ConversationEvent event) {
    return EventSerdes.singleObject(ConversationEvent.class).serializer().serialize("t", event);
  }
}
