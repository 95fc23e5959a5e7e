package dev.chatstream.pipeline.internals.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatstream.llm.chat.ChatMessage;
import dev.chatstream.pipeline.testing.TopologyHarness;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GeneratedItemEchoTest {

  private static final String USER_MESSAGE =
      "{\"type\":\"message\",\"conversation_id\":\"c1\",\"role\":\"user\",\"content\":[\"hello\"]}";

  private final TopologyHarness harness = new TopologyHarness();

  @AfterEach
  void close() {
    harness.close();
  }

  @Test
  void recordsThisApplicationWroteAreSkippedWithoutBeingDecoded() {
    byte[] notAnEvent = "not avro at all".getBytes(StandardCharsets.UTF_8);

    harness.sendRaw("c1", notAnEvent, Origin.mark(new RecordHeaders(), "chatstream"));
    harness.sendRaw("c1", harness.encode(USER_MESSAGE), Origin.mark(new RecordHeaders(), "chatstream"));

    assertTrue(harness.readDeadLetters().isEmpty(), "an own record is never decoded, so it cannot be a dead letter");
    assertTrue(harness.context("c1").items().isEmpty(), "the state already holds what this application wrote");
  }

  @Test
  void recordsAnotherApplicationWroteAreApplied() {
    harness.sendRaw("c1", harness.encode(USER_MESSAGE), Origin.mark(new RecordHeaders(), "another-app"));

    assertEquals(1, harness.context("c1").items().size());
    assertEquals("hello", ((ChatMessage) harness.context("c1").items().get(0)).textContent());
  }

  @Test
  void reprocessOutputIsNeverAppliedWhateverApplicationWroteIt() {
    harness.sendRaw("c1", harness.encode(USER_MESSAGE),
        Origin.markReprocess(Origin.mark(new RecordHeaders(), "chatstream-reprocess-run-1"), "run-1"));
    harness.sendRaw("c1", harness.encode(USER_MESSAGE), Origin.markReprocess(new RecordHeaders(), "run-1"));

    assertTrue(harness.context("c1").items().isEmpty(), "a replay never changes a live conversation");
    assertTrue(harness.readDeadLetters().isEmpty());
  }
}
