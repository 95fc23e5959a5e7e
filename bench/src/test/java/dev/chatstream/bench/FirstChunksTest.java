package dev.chatstream.bench;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatstream.events.ChatChunk;
import dev.chatstream.events.LLMError;
import dev.chatstream.events.LLMMetrics;
import dev.chatstream.events.ReplyCompleted;
import dev.chatstream.events.error.ErrorDetail;
import dev.chatstream.events.metrics.ModelMetadata;
import dev.chatstream.schemas.EventSerdes;
import dev.chatstream.schemas.EventTypes;
import java.util.concurrent.ExecutionException;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class FirstChunksTest {
  private final FirstChunks firstChunks = new FirstChunks();

  @BeforeAll
  static void trustTheEventClasses() {
    // Avro builds defaults only for classes its validator trusts; the event deserializer registers them,
    // as it does in the bench before any event arrives
    EventSerdes.singleObject(EventTypes.all()).deserializer();
  }

  @Test
  void theFirstChunkCountsEvenWhenTheReplyArrivedBeforeIt() throws Exception {
    FirstChunks.Awaited awaited = firstChunks.expect("r1");

    firstChunks.onEvent(received(reply("r1"), 1));
    OutputEvent first = received(chunk("r1"), 2);
    firstChunks.onEvent(first);
    firstChunks.onEvent(received(chunk("r1"), 3));

    assertTrue(awaited.end().isDone());
    assertSame(first, awaited.firstChunk().get(), "the first chunk, not a later one");
  }

  @Test
  void metricsAreKeptForTheRequest() throws Exception {
    FirstChunks.Awaited awaited = firstChunks.expect("r1");
    LLMMetrics metrics = metrics("r1");

    firstChunks.onEvent(received(metrics, 1));

    assertSame(metrics, awaited.metrics().get());
  }

  @Test
  void aFinalErrorFailsTheRequestAndARetryDoesNot() {
    FirstChunks.Awaited awaited = firstChunks.expect("r1");

    firstChunks.onEvent(received(error("r1", true), 1));
    assertFalse(awaited.end().isDone(), "a recoverable error is followed by another attempt");
    firstChunks.onEvent(received(error("r1", false), 2));

    ExecutionException failure = assertThrows(ExecutionException.class, () -> awaited.firstChunk().get());
    assertTrue(failure.getCause().getMessage().contains("r1 failed: upstream down"), failure.getCause().getMessage());
    assertTrue(awaited.end().isCompletedExceptionally());
  }

  @Test
  void eventsOfOtherOrForgottenRequestsAreIgnored() {
    FirstChunks.Awaited awaited = firstChunks.expect("r1");
    firstChunks.forget("r1");
    FirstChunks.Awaited other = firstChunks.expect("r2");

    firstChunks.onEvent(received(chunk("r1"), 1));
    firstChunks.onEvent(received(reply("r3"), 2));

    assertFalse(awaited.firstChunk().isDone());
    assertFalse(other.firstChunk().isDone());
    assertFalse(other.end().isDone());
    assertFalse(other.metrics().isDone());
  }

  private static OutputEvent received(SpecificRecord event, long nanos) {
    return new OutputEvent("c1", event, 1_000L, nanos, 1_001L);
  }

  private static ChatChunk chunk(String requestId) {
    return ChatChunk.newBuilder().setConversationId("c1").setRequestId(requestId).setAttempt(0).setSequence(0)
        .setId("chatcmpl-1").build();
  }

  private static ReplyCompleted reply(String requestId) {
    return ReplyCompleted.newBuilder().setConversationId("c1").setRequestId(requestId).setAttempt(0).setSequence(9)
        .build();
  }

  private static LLMError error(String requestId, boolean recoverable) {
    return LLMError.newBuilder().setConversationId("c1").setRequestId(requestId).setAttempt(0).setSequence(0)
        .setTimestamp(1.0).setLabel("bench.LLM").setRecoverable(recoverable)
        .setError(ErrorDetail.newBuilder().setMessage("upstream down").build()).build();
  }

  private static LLMMetrics metrics(String requestId) {
    return LLMMetrics.newBuilder().setConversationId("c1").setRequestId(requestId).setAttempt(0).setSequence(10)
        .setLabel("bench.LLM").setTimestamp(2.0).setDuration(0.5)
        .setMetadata(ModelMetadata.newBuilder().setModelName("m").setModelProvider("bench").build()).build();
  }
}
