package dev.chatstream.pipeline.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatstream.events.ReplyCompleted;
import dev.chatstream.llm.offline.OfflinePacing;
import dev.chatstream.llm.offline.OfflineProvider;
import dev.chatstream.pipeline.client.OutputRecord;
import dev.chatstream.pipeline.internals.errors.DeadLetterHeaders;
import dev.chatstream.pipeline.internals.llm.ProviderRegistry;
import dev.chatstream.pipeline.testing.BrokerExtension;
import dev.chatstream.pipeline.testing.EventText;
import dev.chatstream.pipeline.testing.OutputLog;
import dev.chatstream.pipeline.testing.PipelineOnBroker;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Records the pipeline cannot use go to the dead-letter topic as they were, and the pipeline goes on. */
@Timeout(60)
class DeadLettersTest {
  private static final Duration WAIT = Duration.ofSeconds(20);

  @RegisterExtension
  static final BrokerExtension broker = new BrokerExtension();

  @Test
  void garbageAndInvalidEventsBecomeDeadLettersWithTheirOriginAndLaterEventsStillRun() {
    ProviderRegistry offline = ProviderRegistry.single("default", OfflineProvider.create(OfflinePacing.instant()));
    try (PipelineOnBroker pipeline = PipelineOnBroker.create(broker.kafka(), broker.dir(), "dead-letters", Map.of())) {
      pipeline.awaitRunning(pipeline.start(offline));
      byte[] garbage = "{\"this is\": \"not an Avro event\"}".getBytes(StandardCharsets.UTF_8);
      byte[] unknownProfile = pipeline.encode("""
          {"type":"generate_reply","conversation_id":"c","request_id":"r0","llm":"no-such-llm"}""");
      RecordMetadata garbageAt = pipeline.sendRaw("c", garbage);
      RecordMetadata unknownProfileAt = pipeline.sendRaw("c", unknownProfile);
      pipeline.send("""
          {"type":"message","conversation_id":"c","role":"user","content":["still there?"]}""");
      pipeline.send("""
          {"type":"generate_reply","conversation_id":"c","request_id":"r1"}""");

      OutputLog out = pipeline.outputs();
      ReplyCompleted reply = out.awaitEvent(ReplyCompleted.class, r -> r.getRequestId().equals("r1"), WAIT,
          "the reply to the valid request");
      assertEquals("[offline provider] You said: still there?", EventText.of(reply));
      out.awaitUntil(WAIT, "two dead letters", log -> log.deadLetters().size() == 2);
      assertEquals(List.of("r1"), out.events(ReplyCompleted.class).stream().map(ReplyCompleted::getRequestId).toList(),
          "the rejected request never ran");

      OutputRecord first = out.deadLetters().get(0);
      assertArrayEquals(garbage, first.raw());
      assertEquals("c", first.key());
      assertOrigin(first, pipeline, garbageAt);
      assertEquals("malformed", first.headers().get(DeadLetterHeaders.REASON));

      OutputRecord second = out.deadLetters().get(1);
      assertArrayEquals(unknownProfile, second.raw());
      assertOrigin(second, pipeline, unknownProfileAt);
      assertEquals("unknown_llm_profile", second.headers().get(DeadLetterHeaders.REASON));
      assertTrue(second.headers().get(DeadLetterHeaders.MESSAGE).contains("'no-such-llm'"),
          second.headers().get(DeadLetterHeaders.MESSAGE));
    }
  }

  private static void assertOrigin(OutputRecord deadLetter, PipelineOnBroker pipeline, RecordMetadata source) {
    assertEquals(pipeline.topics().dlq().name(), deadLetter.topic());
    assertEquals(pipeline.topics().conversations().name(), deadLetter.headers().get(DeadLetterHeaders.SOURCE_TOPIC));
    assertEquals(Integer.toString(source.partition()), deadLetter.headers().get(DeadLetterHeaders.SOURCE_PARTITION));
    assertEquals(Long.toString(source.offset()), deadLetter.headers().get(DeadLetterHeaders.SOURCE_OFFSET));
  }
}
