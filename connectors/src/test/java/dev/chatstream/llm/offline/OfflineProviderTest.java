package dev.chatstream.llm.offline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chatstream.llm.LlmError;
import dev.chatstream.llm.LlmMetrics;
import dev.chatstream.llm.LlmProvider;
import dev.chatstream.llm.LlmProviderContract;
import dev.chatstream.llm.LlmRequest;
import dev.chatstream.llm.LlmStream;
import dev.chatstream.llm.LlmStreamListener;
import dev.chatstream.llm.RecordingListener;
import dev.chatstream.llm.chat.ChatContext;
import dev.chatstream.llm.chat.ChatItem;
import dev.chatstream.llm.chat.ChatMessage;
import dev.chatstream.llm.chat.ChatRole;
import dev.chatstream.llm.chat.FunctionCall;
import dev.chatstream.llm.chat.FunctionCallOutput;
import dev.chatstream.llm.stream.ChatChunk;
import dev.chatstream.llm.stream.CompletionUsage;
import dev.chatstream.llm.stream.FunctionToolCall;
import dev.chatstream.llm.tools.FunctionTool;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The offline provider's streaming: the stream contract, pacing, usage, cancellation and load. */
class OfflineProviderTest extends LlmProviderContract {
  private static final Duration TTFT = Duration.ofMillis(100);
  private static final Duration GAP = Duration.ofMillis(50);

  private final VirtualTimeScheduler clock = new VirtualTimeScheduler();
  private LlmStream lastStream;

  @Override
  protected LlmProvider newProvider() {
    return OfflineProvider.create(OfflinePacing.of(Duration.ZERO, Duration.ofMillis(2)));
  }

  @Override
  protected LlmRequest successfulRequest() {
    return request("contract-ok", ChatMessage.of(ChatRole.USER, "hello from the contract"));
  }

  @Override
  protected LlmRequest slowRequest() {
    return request("contract-slow", ChatMessage.of(ChatRole.USER, "word ".repeat(5000)));
  }

  @Test
  void identifiesItselfAsOffline() {
    OfflineProvider provider = OfflineProvider.create(OfflinePacing.instant(), clock);

    assertEquals("offline.LLM", provider.label());
    assertEquals("offline", provider.provider());
    assertEquals("offline-echo", provider.model());
  }

  @Test
  void streamsTheEchoOneWordPerChunk() {
    RecordingListener listener = chat(instant(), request("r1", ChatMessage.of(ChatRole.USER, "hello   there\nfriend")));
    clock.runUntilIdle();

    List<String> contents = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      contents.add(listener.takeChunk().delta().content());
    }

    assertEquals(List.of("[offline", " provider]", " You", " said:", " hello", " there", " friend"), contents);
    assertEquals(CompletionUsage.of(7, 3, 10), listener.takeChunk().usage());
    listener.takeComplete();
    listener.assertExhausted();
  }

  @Test
  void sameRequestGivesTheSameChunks() {
    LlmRequest request = request("same", ChatMessage.of(ChatRole.USER, "tell me something"));

    List<ChatChunk> first = chunksOf(chat(instant(), request));
    List<ChatChunk> second = chunksOf(chat(instant(), request));

    assertEquals(first, second);
    assertEquals("offline-same", first.getFirst().id());
  }

  @Test
  void usageCountsContextWordsAndEmittedWords() {
    LlmRequest request = request("usage",
        ChatMessage.of(ChatRole.SYSTEM, "be brief"),
        ChatMessage.of(ChatRole.USER, "one two three"));
    RecordingListener listener = chat(instant(), request);
    clock.runUntilIdle();

    assertEquals("[offline provider] You said: one two three", listener.takeText());
    assertEquals(CompletionUsage.of(7, 5, 12), listener.takeChunk().usage());
    LlmMetrics metrics = listener.takeComplete();

    assertEquals(7, metrics.completionTokens());
    assertEquals(5, metrics.promptTokens());
    assertEquals(12, metrics.totalTokens());
    assertEquals("offline.LLM", metrics.label());
    assertEquals("offline", metrics.modelProvider());
    assertEquals("offline-echo", metrics.modelName());
    assertEquals("usage", metrics.requestId());
    listener.assertExhausted();
  }

  @Test
  void streamsAToolCallAsOneChunk() {
    ObjectNode schema = JsonNodeFactory.instance.objectNode();
    schema.put("type", "object").putObject("properties").putObject("zone").put("type", "string");
    schema.putArray("required").add("zone");
    LlmRequest request = request("t", ChatMessage.of(ChatRole.USER, "get_time for Oslo"))
        .withTools(List.of(new FunctionTool("get_time", "", schema)));
    RecordingListener listener = chat(instant(), request);
    clock.runUntilIdle();

    ChatChunk chunk = listener.takeChunk();

    assertEquals(List.of(FunctionToolCall.of("get_time", "{\"zone\":\"Oslo\"}", "call_offline_t")),
        chunk.delta().toolCalls());
    assertNull(chunk.delta().content());
    assertEquals(CompletionUsage.of(2, 3, 5), listener.takeChunk().usage());
    assertEquals(2, listener.takeComplete().completionTokens());
    listener.assertExhausted();
  }

  @Test
  void reportsAFunctionOutputAfterTheCall() {
    LlmRequest request = request("o",
        ChatMessage.of(ChatRole.USER, "get_time for Oslo"),
        FunctionCall.of("call_offline_t", "get_time", "{\"zone\":\"Oslo\"}"),
        FunctionCallOutput.of("call_offline_t", "get_time", "12:00", false));
    RecordingListener listener = chat(instant(), request);
    clock.runUntilIdle();

    assertEquals("[offline provider] The get_time tool returned: 12:00", listener.takeText());
    assertEquals(CompletionUsage.of(7, 6, 13), listener.takeChunk().usage());
    listener.takeComplete();
    listener.assertExhausted();
  }

  @Test
  void usageChunkIsTheLastChunk() {
    RecordingListener listener = chat(instant(), request("u", ChatMessage.of(ChatRole.USER, "hi")));
    clock.runUntilIdle();

    List<ChatChunk> chunks = chunksOf(listener);

    assertTrue(chunks.subList(0, chunks.size() - 1).stream().allMatch(c -> c.usage() == null && c.hasResponse()));
    assertEquals(CompletionUsage.of(5, 1, 6), chunks.getLast().usage());
    assertFalse(chunks.getLast().hasResponse());
  }

  @Test
  void requestModelIsNamedInMetrics() {
    RecordingListener listener = chat(instant(), request("m", ChatMessage.of(ChatRole.USER, "hi")).withModel("offline-large"));
    clock.runUntilIdle();

    listener.takeText();
    listener.takeChunk();
    assertEquals("offline-large", listener.takeComplete().modelName());
    listener.assertExhausted();
  }

  @Test
  void maxTokensCutsTheReply() {
    LlmRequest request = request("max", ChatMessage.of(ChatRole.USER, "a b c d e f"))
        .withExtraOptions(Map.of("max_tokens", 4));
    RecordingListener listener = chat(instant(), request);
    clock.runUntilIdle();

    assertEquals("[offline provider] You said:", listener.takeText());
    assertEquals(CompletionUsage.of(4, 6, 10), listener.takeChunk().usage());
    assertEquals(4, listener.takeComplete().completionTokens());
    listener.assertExhausted();
  }

  @Test
  void invalidMaxTokensFailsClearly() {
    LlmRequest request = request("bad", ChatMessage.of(ChatRole.USER, "hi"))
        .withExtraOptions(Map.of("max_tokens", "lots"));
    RecordingListener listener = chat(instant(), request);
    clock.runUntilIdle();

    var error = listener.takeError();
    assertEquals("max_tokens must be a positive whole number, was 'lots'", error.message());
    assertEquals("offline.LLM", error.label());
    assertFalse(error.recoverable());
    assertFalse(error.retryable());
    listener.assertExhausted();
  }

  @Test
  void firstChunkWaitsForTheTimeToFirstToken() {
    RecordingListener listener = chat(paced(), request("p", ChatMessage.of(ChatRole.USER, "hi")));

    clock.advanceBy(TTFT.minusNanos(1));
    listener.assertExhausted();

    clock.advanceBy(Duration.ofNanos(1));
    assertEquals("[offline", listener.takeChunk().delta().content());
    listener.assertExhausted();
  }

  @Test
  void laterChunksWaitForTheGapBetweenWords() {
    RecordingListener listener = chat(paced(), request("p", ChatMessage.of(ChatRole.USER, "hi")));
    clock.advanceBy(TTFT);
    listener.takeChunk();

    clock.advanceBy(GAP.minusNanos(1));
    listener.assertExhausted();
    clock.advanceBy(Duration.ofNanos(1));
    assertEquals(" provider]", listener.takeChunk().delta().content());

    clock.advanceBy(GAP.multipliedBy(3));
    assertEquals(" You said: hi", listener.takeText());
    assertEquals(CompletionUsage.of(5, 1, 6), listener.takeChunk().usage());
    listener.takeComplete();
    listener.assertExhausted();
    assertEquals(TTFT.plus(GAP.multipliedBy(4)), clock.now());
  }

  @Test
  void instantPacingEmitsTheWholeReplyInOneTask() {
    RecordingListener listener = chat(instant(), request("i", ChatMessage.of(ChatRole.USER, "a b c d e f g h")));

    assertTrue(clock.runNext());

    assertEquals("[offline provider] You said: a b c d e f g h", listener.takeText());
    listener.takeChunk();
    listener.takeComplete();
    assertEquals(0, clock.queuedTasks());
    listener.assertExhausted();
  }

  @Test
  void cancelMidStreamStopsAtOnceAndReportsCancelledMetrics() {
    RecordingListener listener = chat(paced(), request("c", ChatMessage.of(ChatRole.USER, "one two three four")));
    LlmStream stream = lastStream;
    clock.advanceBy(TTFT.plus(GAP));
    assertEquals("[offline", listener.takeChunk().delta().content());
    assertEquals(" provider]", listener.takeChunk().delta().content());

    stream.cancel();
    clock.runUntilIdle();

    LlmMetrics metrics = listener.takeComplete();
    assertTrue(metrics.cancelled());
    assertEquals(2, metrics.completionTokens());
    assertTrue(stream.isDone());
    listener.assertExhausted();
  }

  @Test
  void cancelBeforeTheFirstChunkCompletesWithoutMetrics() {
    RecordingListener listener = chat(paced(), request("c0", ChatMessage.of(ChatRole.USER, "hi")));

    lastStream.cancel();
    clock.runUntilIdle();

    assertNull(listener.takeComplete());
    listener.assertExhausted();
  }

  @Test
  void closeCancelsRunningStreams() {
    OfflineProvider provider = paced();
    RecordingListener listener = new RecordingListener();
    provider.chat(request("close", ChatMessage.of(ChatRole.USER, "hi")), listener);
    clock.advanceBy(TTFT);
    listener.takeChunk();

    provider.close();
    clock.runUntilIdle();

    assertTrue(listener.takeComplete().cancelled());
    listener.assertExhausted();
  }

  @Test
  void chatAfterCloseOfItsOwnSchedulerIsRejected() {
    OfflineProvider provider = OfflineProvider.create(OfflinePacing.instant());
    provider.close();

    IllegalStateException error = assertThrows(IllegalStateException.class,
        () -> provider.chat(request("late", ChatMessage.of(ChatRole.USER, "hi")), new RecordingListener()));
    assertEquals("the offline provider is closed", error.getMessage());
  }

  @Test
  void negativePacingIsRejected() {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> OfflinePacing.of(Duration.ZERO, Duration.ofMillis(-1)));
    assertEquals("inter-token delay must be >= 0, was PT-0.001S", error.getMessage());
  }

  @Test
  void thousandsOfConcurrentInstantStreamsAllComplete() throws InterruptedException {
    int streams = 3000;
    ScheduledExecutorService shared = Executors.newScheduledThreadPool(2);
    try (OfflineProvider provider = OfflineProvider.create(OfflinePacing.instant(), shared)) {
      CountDownLatch done = new CountDownLatch(streams);
      List<String> wrong = Collections.synchronizedList(new ArrayList<>());
      for (int i = 0; i < streams; i++) {
        String expected = "[offline provider] You said: message " + i;
        provider.chat(request("load-" + i, ChatMessage.of(ChatRole.USER, "message " + i)),
            new CollectingListener(expected, wrong, done));
      }

      assertTrue(done.await(30, TimeUnit.SECONDS), "all streams completed");
      assertEquals(List.of(), wrong);
    } finally {
      shared.shutdownNow();
    }
  }

  private OfflineProvider instant() {
    return OfflineProvider.create(OfflinePacing.instant(), clock);
  }

  private OfflineProvider paced() {
    return OfflineProvider.create(OfflinePacing.of(TTFT, GAP), clock);
  }

  private RecordingListener chat(OfflineProvider provider, LlmRequest request) {
    RecordingListener listener = new RecordingListener();
    lastStream = provider.chat(request, listener);
    return listener;
  }

  private List<ChatChunk> chunksOf(RecordingListener listener) {
    clock.runUntilIdle();
    List<ChatChunk> chunks = new ArrayList<>();
    for (RecordingListener.Event event : listener.takeUntilTerminal()) {
      if (event instanceof RecordingListener.Chunk(ChatChunk chunk)) {
        chunks.add(chunk);
      }
    }
    listener.assertExhausted();
    return chunks;
  }

  static LlmRequest request(String id, ChatItem... items) {
    return LlmRequest.of(id, ChatContext.of(List.of(items)));
  }

  /** Checks one load-test stream's text and counts it down when it completes. */
  private static final class CollectingListener implements LlmStreamListener {
    private final StringBuilder text = new StringBuilder();
    private final String expected;
    private final List<String> wrong;
    private final CountDownLatch done;

    CollectingListener(String expected, List<String> wrong, CountDownLatch done) {
      this.expected = expected;
      this.wrong = wrong;
      this.done = done;
    }

    @Override
    public void onChunk(ChatChunk chunk) {
      if (chunk.hasResponse()) {
        text.append(chunk.delta().content());
      }
    }

    @Override
    public void onComplete(LlmMetrics metrics) {
      if (!expected.contentEquals(text) || metrics == null || metrics.cancelled()) {
        wrong.add(expected + " -> " + text + " " + metrics);
      }
      done.countDown();
    }

    @Override
    public void onError(LlmError error) {
      wrong.add(expected + " -> " + error);
      done.countDown();
    }
  }
}
