package dev.chatstream.pipeline.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatstream.events.ChatChunk;
import dev.chatstream.events.ReplyCompleted;
import dev.chatstream.llm.offline.OfflinePacing;
import dev.chatstream.llm.offline.OfflineProvider;
import dev.chatstream.pipeline.config.ChatstreamConfig;
import dev.chatstream.pipeline.internals.llm.ProviderRegistry;
import dev.chatstream.pipeline.testing.BrokerExtension;
import dev.chatstream.pipeline.testing.EventText;
import dev.chatstream.pipeline.testing.OutputLog;
import dev.chatstream.pipeline.testing.PipelineOnBroker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Many conversations written interleaved to a partitioned topic, each answered in its own order. */
@Timeout(60)
class InterleavedConversationsTest {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final List<String> CONVERSATIONS = List.of("alice", "bob", "carol", "dave", "erin");
  private static final int ROUNDS = 3;
  private static final Pattern ECHO = Pattern.compile("\\[offline provider] You said: round (\\d) of (\\w+)");

  @RegisterExtension
  static final BrokerExtension broker = new BrokerExtension();

  @Test
  void everyConversationGetsItsChunksInSequenceAndItsRepliesInRequestOrder() {
    ProviderRegistry offline = ProviderRegistry.single("default",
        OfflineProvider.create(OfflinePacing.of(Duration.ofMillis(5), Duration.ofMillis(3))));
    try (PipelineOnBroker pipeline = PipelineOnBroker.create(broker.kafka(), broker.dir(), "interleaved",
        Map.of(ChatstreamConfig.TOPIC_PARTITIONS_CONFIG, "3"))) {
      pipeline.awaitRunning(pipeline.start(offline));
      for (int round = 1; round <= ROUNDS; round++) {
        for (String conversation : CONVERSATIONS) {
          pipeline.send("""
              {"type":"message","conversation_id":"%s","role":"user","content":["round %d of %s"]}"""
              .formatted(conversation, round, conversation));
          pipeline.send("""
              {"type":"generate_reply","conversation_id":"%s","request_id":"%s-r%d"}"""
              .formatted(conversation, conversation, round));
        }
      }
      OutputLog out = pipeline.outputs();
      out.awaitUntil(WAIT, "every reply",
          log -> log.events(ReplyCompleted.class).size() == CONVERSATIONS.size() * ROUNDS);

      for (String conversation : CONVERSATIONS) {
        List<ReplyCompleted> replies = out.events(ReplyCompleted.class, r -> r.getConversationId().equals(conversation));
        List<String> requestOrder = replies.stream().map(ReplyCompleted::getRequestId).toList();
        assertEquals(List.of(conversation + "-r1", conversation + "-r2", conversation + "-r3"), requestOrder);
        replies.forEach(reply -> out.awaitChunksOf(reply, WAIT));
        List<ChatChunk> chunks = out.events(ChatChunk.class, c -> c.getConversationId().equals(conversation));
        assertChunksRunOneRequestAtATimeInSequence(chunks, requestOrder);
        for (int round = 1; round <= ROUNDS; round++) {
          ReplyCompleted reply = replies.get(round - 1);
          assertEquals(1, reply.getAttempt());
          String text = EventText.of(reply);
          Matcher echo = ECHO.matcher(text);
          assertTrue(echo.matches(), text);
          assertEquals(conversation, echo.group(2), "a reply sees only its own conversation");
          int echoedRound = Integer.parseInt(echo.group(1));
          assertTrue(echoedRound >= round, "request " + round + " was answered with the context of an earlier round: " + text);
        }
        assertEquals("[offline provider] You said: round 1 of " + conversation, EventText.of(replies.get(0)),
            "the first request starts as soon as it is read, with the first message only");
      }
    }
  }

  /** Chunks of one request are contiguous, requests follow {@code requestOrder}, sequences rise within each. */
  private static void assertChunksRunOneRequestAtATimeInSequence(List<ChatChunk> chunks, List<String> requestOrder) {
    List<String> runs = new ArrayList<>();
    Map<String, Long> lastSequence = new HashMap<>();
    for (ChatChunk chunk : chunks) {
      String key = chunk.getRequestId() + "#" + chunk.getAttempt();
      if (runs.isEmpty() || !runs.get(runs.size() - 1).equals(chunk.getRequestId())) {
        runs.add(chunk.getRequestId());
      }
      Long previous = lastSequence.put(key, chunk.getSequence());
      assertTrue(previous == null || chunk.getSequence() > previous,
          key + ": sequence " + chunk.getSequence() + " after " + previous);
    }
    assertEquals(requestOrder, runs, "one request streams at a time, in request order");
  }
}
