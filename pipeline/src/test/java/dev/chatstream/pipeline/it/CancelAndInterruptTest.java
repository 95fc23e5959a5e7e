package dev.chatstream.pipeline.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chatstream.events.ChatChunk;
import dev.chatstream.events.LLMMetrics;
import dev.chatstream.events.ReplyCompleted;
import dev.chatstream.pipeline.testing.BrokerExtension;
import dev.chatstream.pipeline.testing.EventText;
import dev.chatstream.pipeline.testing.Eventually;
import dev.chatstream.pipeline.testing.FixtureLlmServer.Reply;
import dev.chatstream.pipeline.testing.FixtureLlmServer;
import dev.chatstream.pipeline.testing.OutputLog;
import dev.chatstream.pipeline.testing.PipelineOnBroker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Stopping a reply in the middle through Kafka: a {@code cancel} event, or a request with
 * {@code interrupt=true}. The provider's stream is paced so the reply is still streaming.
 */
@Timeout(60)
class CancelAndInterruptTest {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final Duration SLOW = Duration.ofMillis(100);
  private static final ObjectMapper JSON = new ObjectMapper();

  @RegisterExtension
  static final BrokerExtension broker = new BrokerExtension();
  private FixtureLlmServer llm;
  private PipelineOnBroker pipeline;
  private OutputLog out;

  @BeforeEach
  void startPipeline(TestInfo test) {
    llm = FixtureLlmServer.start().then(Reply.paced(FixtureLlmServer.TEXT, SLOW));
    pipeline = PipelineOnBroker.create(broker.kafka(), broker.dir(), test.getTestMethod().orElseThrow().getName(), Map.of());
    pipeline.awaitRunning(pipeline.start(llm.registry()));
    out = pipeline.outputs();
  }

  @AfterEach
  void stopPipeline() {
    pipeline.close();
    llm.close();
  }

  @Test
  void cancelEventStopsTheStreamAndKeepsThePartialReplyAsInterrupted() {
    userSays("Weather in San Francisco?");
    pipeline.send("""
        {"type":"generate_reply","conversation_id":"c","request_id":"r1"}""");
    awaitStreaming("r1");

    pipeline.send("""
        {"type":"cancel","conversation_id":"c","request_id":"r1"}""");

    String partial = assertCancelledWithPartialReply("r1");
    Eventually.until(WAIT, "the provider to see the stream closed", () -> llm.abandoned() == 1);

    pipeline.send("""
        {"type":"generate_reply","conversation_id":"c","request_id":"r2"}""");
    ReplyCompleted next = out.awaitEvent(ReplyCompleted.class, r -> r.getRequestId().equals("r2"), WAIT, "reply r2");
    assertEquals(FixtureLlmServer.TEXT_REPLY, EventText.of(next));
    llm.takeRequestBody();
    assertEquals(messages("""
        [{"role":"user","content":"Weather in San Francisco?"},{"role":"assistant","content":%s}]""", partial),
        llm.takeRequestBody().get("messages"), "the next request sees the interrupted reply");
  }

  @Test
  void interruptingRequestCancelsTheRunningReplyThenRuns() {
    userSays("Weather in San Francisco?");
    pipeline.send("""
        {"type":"generate_reply","conversation_id":"c","request_id":"r1"}""");
    awaitStreaming("r1");

    userSays("Never mind, tell me a joke.");
    pipeline.send("""
        {"type":"generate_reply","conversation_id":"c","request_id":"r2","interrupt":true}""");

    String partial = assertCancelledWithPartialReply("r1");
    Eventually.until(WAIT, "the provider to see the stream closed", () -> llm.abandoned() == 1);
    ReplyCompleted next = out.awaitEvent(ReplyCompleted.class, r -> r.getRequestId().equals("r2"), WAIT, "reply r2");
    assertEquals(FixtureLlmServer.TEXT_REPLY, EventText.of(next));
    assertFalse(next.getCancelled());
    assertEquals("stop", next.getFinishReason());
    assertEquals(List.of("r1", "r2"), out.events(ReplyCompleted.class).stream()
        .map(ReplyCompleted::getRequestId).toList());
    llm.takeRequestBody();
    assertEquals(messages("""
        [{"role":"user","content":"Weather in San Francisco?"},{"role":"assistant","content":%s},
         {"role":"user","content":"Never mind, tell me a joke."}]""", partial),
        llm.takeRequestBody().get("messages"));
  }

  private void userSays(String text) {
    pipeline.send("""
        {"type":"message","conversation_id":"c","role":"user","content":["%s"]}""".formatted(text));
  }

  private void awaitStreaming(String requestId) {
    out.awaitUntil(WAIT, requestId + " streaming", log -> log.events(ChatChunk.class,
        c -> c.getRequestId().equals(requestId) && c.getDelta() != null && c.getDelta().getContent() != null
            && !c.getDelta().getContent().isEmpty()).size() >= 3);
  }

  /** Asserts the reply to {@code requestId} ended cancelled, with its metrics; returns its partial text. */
  private String assertCancelledWithPartialReply(String requestId) {
    ReplyCompleted reply = out.awaitEvent(ReplyCompleted.class, r -> r.getRequestId().equals(requestId), WAIT,
        "the cancelled reply");
    assertTrue(reply.getCancelled());
    assertEquals("cancelled", reply.getFinishReason());
    assertTrue(reply.getMessage().getInterrupted());
    String partial = EventText.of(reply);
    assertFalse(partial.isEmpty());
    assertTrue(FixtureLlmServer.TEXT_REPLY.startsWith(partial) && partial.length() < FixtureLlmServer.TEXT_REPLY.length(),
        "a strict prefix of the full reply: " + partial);
    out.awaitChunksOf(reply, WAIT);
    LLMMetrics metrics = out.awaitEvent(LLMMetrics.class, m -> m.getRequestId().equals(requestId), WAIT,
        "the cancelled reply's metrics");
    assertTrue(metrics.getCancelled());
    assertTrue(metrics.getTtft() >= 0);
    return partial;
  }

  private static JsonNode messages(String template, String partial) {
    try {
      return JSON.readTree(template.formatted(JSON.writeValueAsString(partial)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
