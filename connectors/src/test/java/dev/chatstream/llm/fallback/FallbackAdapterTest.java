package dev.chatstream.llm.fallback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatstream.llm.AvailabilityChanged;
import dev.chatstream.llm.ConnectOptions;
import dev.chatstream.llm.ErrorKind;
import dev.chatstream.llm.LlmError;
import dev.chatstream.llm.LlmMetrics;
import dev.chatstream.llm.LlmProvider;
import dev.chatstream.llm.LlmRequest;
import dev.chatstream.llm.LlmStream;
import dev.chatstream.llm.LlmStreamListener;
import dev.chatstream.llm.RecordingListener;
import dev.chatstream.llm.chat.ChatContext;
import dev.chatstream.llm.chat.ChatMessage;
import dev.chatstream.llm.chat.ChatRole;
import dev.chatstream.llm.fallback.ScriptedProvider.Await;
import dev.chatstream.llm.fallback.ScriptedProvider.Fail;
import dev.chatstream.llm.fallback.ScriptedProvider.Retry;
import dev.chatstream.llm.fallback.ScriptedProvider.Script;
import dev.chatstream.llm.fallback.ScriptedProvider.State;
import dev.chatstream.llm.fallback.ScriptedProvider.Text;
import dev.chatstream.llm.offline.OfflinePacing;
import dev.chatstream.llm.stream.ChatChunk;
import dev.chatstream.llm.offline.OfflineProvider;
import dev.chatstream.llm.state.ProviderConversation;
import dev.chatstream.llm.state.ProviderState;
import dev.chatstream.llm.tools.FunctionTool;
import dev.chatstream.llm.tools.ToolChoice;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** The fallback adapter: order, availability, recovery probes, chunk-sent rule, options and cancellation. */
class FallbackAdapterTest {
  private final List<AvailabilityChanged> published = Collections.synchronizedList(new ArrayList<>());

  @Test
  void anEmptyListIsRejected() {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> FallbackAdapter.of(List.of()));
    assertEquals("at least one LLM must be provided", error.getMessage());
  }

  @Test
  void negativeOptionsAreRejected() {
    FallbackOptions defaults = FallbackOptions.defaults();

    assertEquals("max_retry_per_llm must be >= 0, was -1",
        assertThrows(IllegalArgumentException.class, () -> defaults.withMaxRetryPerLlm(-1)).getMessage());
    assertEquals("attempt_timeout must be >= 0, was PT-1S",
        assertThrows(IllegalArgumentException.class, () -> defaults.withAttemptTimeout(Duration.ofSeconds(-1))).getMessage());
    assertEquals("retry_interval must be >= 0, was PT-1S",
        assertThrows(IllegalArgumentException.class, () -> defaults.withRetryInterval(Duration.ofSeconds(-1))).getMessage());
  }

  @Test
  void defaultsFollowTheReference() {
    FallbackOptions defaults = FallbackOptions.defaults();

    assertEquals(new FallbackOptions(Duration.ofSeconds(5), 0, Duration.ofMillis(500), false), defaults);
    assertEquals(new ConnectOptions(0, Duration.ofMillis(500), Duration.ofSeconds(5)), defaults.memberConnectOptions());
  }

  @Test
  void identifiesItselfAsTheAdapter() {
    FallbackAdapter adapter = FallbackAdapter.of(List.of(ScriptedProvider.of("a", Script.replies("x"))));

    assertEquals("FallbackAdapter", adapter.label());
    assertEquals("FallbackAdapter", adapter.model());
    assertEquals("chatstream", adapter.provider());
  }

  @Test
  void theFirstAvailableMemberAnswersAndItsMetricsPassThrough() {
    ScriptedProvider a = ScriptedProvider.of("a", Script.replies("Hel", "lo"));
    ScriptedProvider b = ScriptedProvider.of("b", Script.replies("unused"));
    RecordingListener listener = chat(adapter(a, b), "r1");

    assertEquals("Hello", listener.takeText());
    LlmMetrics metrics = listener.takeComplete();

    assertEquals("a", metrics.label());
    assertEquals("a-model", metrics.modelName());
    assertEquals("scripted", metrics.modelProvider());
    assertEquals("r1", metrics.requestId());
    assertEquals(0, b.calls());
    listener.assertExhausted();
  }

  @Test
  void aFailureBeforeAnyChunkFallsBackAndMarksTheMemberUnavailable() throws InterruptedException {
    ScriptedProvider a = ScriptedProvider.of("a", Script.fails("a is down"));
    ScriptedProvider b = ScriptedProvider.of("b", Script.replies("Hi", " there"));
    FallbackAdapter adapter = adapter(a, b);
    RecordingListener listener = chat(adapter, "r1");

    LlmError retry = listener.takeRetry();
    assertEquals("a", retry.label());
    assertEquals("a is down", retry.message());
    assertTrue(retry.recoverable());
    assertUnavailable("a", listener.takeAvailability());
    assertEquals("Hi there", listener.takeText());
    assertEquals("b", listener.takeComplete().label());
    listener.assertExhausted();

    assertFalse(adapter.isAvailable(0));
    assertTrue(adapter.isAvailable(1));
    a.awaitEndedCalls(2);
    assertEquals(1, published.size());
    assertUnavailable("a", published.getFirst());
  }

  @Test
  void aFailureAfterAChunkIsFinalByDefault() throws InterruptedException {
    ScriptedProvider a = ScriptedProvider.of("a", Script.of(new Text("Hel"), new Fail("stream broke")));
    ScriptedProvider b = ScriptedProvider.of("b", Script.replies("unused"));
    FallbackAdapter adapter = adapter(a, b);
    RecordingListener listener = chat(adapter, "r1");

    assertEquals("Hel", listener.takeText());
    assertUnavailable("a", listener.takeAvailability());
    LlmError error = listener.takeError();

    assertEquals("a", error.label());
    assertEquals("stream broke", error.message());
    assertFalse(error.recoverable());
    assertEquals(0, b.calls());
    assertEquals(1, a.calls(), "no recovery probe after a final error");
    listener.assertExhausted();
  }

  @Test
  void aFailureAfterAChunkFallsBackWhenRetryOnChunkSentIsSet() {
    ScriptedProvider a = ScriptedProvider.of("a", Script.of(new Text("Hel"), new Fail("stream broke")));
    ScriptedProvider b = ScriptedProvider.of("b", Script.replies("Hello"));
    FallbackAdapter adapter = FallbackAdapter.of(List.of(a, b), FallbackOptions.defaults().withRetryOnChunkSent(true));
    RecordingListener listener = new RecordingListener();
    adapter.chat(request("r1"), listener);

    assertEquals("Hel", listener.takeText());
    assertEquals("stream broke", listener.takeRetry().message());
    assertUnavailable("a", listener.takeAvailability());
    assertEquals("Hello", listener.takeText());
    assertEquals("b", listener.takeComplete().label());
    listener.assertExhausted();
  }

  @Test
  void whenEveryMemberFailsTheErrorNamesThemAll() {
    ScriptedProvider a = ScriptedProvider.of("a", Script.fails("a down"));
    ScriptedProvider b = ScriptedProvider.of("b", Script.fails("b down"));
    RecordingListener listener = chat(adapter(a, b), "r1");

    assertEquals("a down", listener.takeRetry().message());
    assertUnavailable("a", listener.takeAvailability());
    assertEquals("b down", listener.takeRetry().message());
    assertUnavailable("b", listener.takeAvailability());
    LlmError error = listener.takeError();

    assertTrue(error.message().matches("all LLMs failed \\(a, b\\) after \\d+\\.\\d\\d s"), error.message());
    assertEquals("FallbackAdapter", error.label());
    assertEquals(ErrorKind.OTHER, error.kind());
    assertFalse(error.recoverable());
    listener.assertExhausted();
  }

  @Test
  void aRecoveryProbeBringsAMemberBackAndTheNextRequestUsesItFirst() {
    CountDownLatch releaseB = new CountDownLatch(1);
    ScriptedProvider a = ScriptedProvider.of("a", Script.fails("a down"), Script.replies("from a"));
    ScriptedProvider b = ScriptedProvider.of("b", Script.of(new Await(releaseB), new Text("from b")));
    FallbackAdapter adapter = adapter(a, b);
    RecordingListener first = chat(adapter, "r1");

    first.takeRetry();
    assertUnavailable("a", first.takeAvailability());
    AvailabilityChanged back = first.takeAvailability();
    releaseB.countDown();

    assertEquals(new AvailabilityChanged("a", true, back.timestamp()), back);
    assertEquals("from b", first.takeText());
    first.takeComplete();
    first.assertExhausted();
    assertTrue(adapter.isAvailable(0));
    assertEquals(List.of(false, true), published.stream().map(AvailabilityChanged::available).toList());

    RecordingListener second = chat(adapter, "r2");
    assertEquals("from a", second.takeText());
    assertEquals("a", second.takeComplete().label());
    second.assertExhausted();
    assertEquals(3, a.calls());
    assertEquals(1, b.calls());
  }

  @Test
  void aRecoveryConfirmedAfterTheRequestEndedStillReachesItsListener() {
    CountDownLatch releaseProbe = new CountDownLatch(1);
    ScriptedProvider a = ScriptedProvider.of("a", Script.fails("a down"), Script.of(new Await(releaseProbe), new Text("probe")));
    ScriptedProvider b = ScriptedProvider.of("b", Script.replies("from b"));
    FallbackAdapter adapter = adapter(a, b);
    RecordingListener listener = chat(adapter, "r1");

    listener.takeRetry();
    assertUnavailable("a", listener.takeAvailability());
    assertEquals("from b", listener.takeText());
    listener.takeComplete();
    releaseProbe.countDown();

    AvailabilityChanged back = listener.takeAvailability();
    assertEquals(new AvailabilityChanged("a", true, back.timestamp()), back);
    listener.assertExhausted();
    assertEquals(List.of(false, true), published.stream().map(AvailabilityChanged::available).toList());
  }

  @Test
  void aProbeReplaysTheRequestThatFailed() throws InterruptedException {
    ScriptedProvider a = ScriptedProvider.of("a", Script.fails("a down"));
    ScriptedProvider b = ScriptedProvider.of("b", Script.replies("ok"));
    RecordingListener listener = chat(adapter(a, b), "r1");
    listener.takeUntilTerminal();

    a.awaitEndedCalls(2);

    assertEquals(a.requests().get(0), a.requests().get(1));
  }

  @Test
  void theAnsweringMembersProviderStateReachesTheCaller() {
    ProviderState state = ProviderConversation.empty("conv_1", "https://a.example/v1");
    ScriptedProvider a = ScriptedProvider.of("a", Script.of(new State(state), new Text("ok")));

    RecordingListener listener = chat(adapter(a), "r1");

    assertEquals(state, listener.takeState());
    assertEquals("ok", listener.takeText());
    listener.takeComplete();
    listener.assertExhausted();
  }

  @Test
  void theProviderStateOfAMemberThatFailedAfterwardsIsKept() {
    ProviderState state = ProviderConversation.empty("conv_1", "https://a.example/v1");
    ScriptedProvider a = ScriptedProvider.of("a", Script.of(new State(state), new Fail("a down")));
    ScriptedProvider b = ScriptedProvider.of("b", Script.replies("ok"));

    RecordingListener listener = chat(adapter(a, b), "r1");

    assertEquals(state, listener.takeState());
    assertEquals("a down", listener.takeRetry().message());
    listener.takeAvailability();
    assertEquals("ok", listener.takeText());
    listener.takeComplete();
    listener.assertExhausted();
  }

  @Test
  void aProbeReplaysTheRequestWithoutItsProviderState() throws InterruptedException {
    ScriptedProvider a = ScriptedProvider.of("a", Script.fails("a down"));
    ScriptedProvider b = ScriptedProvider.of("b", Script.replies("ok"));
    ProviderState stored = ProviderConversation.empty("conv_1", "https://a.example/v1");
    RecordingListener listener = new RecordingListener();
    adapter(a, b).chat(request("r1").withProviderState(stored), listener);
    listener.takeUntilTerminal();

    a.awaitEndedCalls(2);

    assertEquals(stored, a.requests().get(0).providerState());
    assertNull(a.requests().get(1).providerState(), "a probe must not change what the provider keeps");
    assertEquals("r1", a.requests().get(1).requestId());
  }

  @Test
  void anUnavailableMemberIsSkippedWhileOthersAreAvailable() throws InterruptedException {
    ScriptedProvider a = ScriptedProvider.of("a", Script.fails("a down"));
    ScriptedProvider b = ScriptedProvider.of("b", Script.replies("ok"));
    FallbackAdapter adapter = adapter(a, b);
    chat(adapter, "r1").takeUntilTerminal();
    a.awaitEndedCalls(2);

    RecordingListener second = chat(adapter, "r2");

    assertEquals("ok", second.takeText());
    second.takeComplete();
    second.assertExhausted();
    a.awaitEndedCalls(3);
    assertEquals("r2", a.requests().get(2).requestId(), "the skipped member gets a probe with the new request");
  }

  @Test
  void whenNoMemberIsAvailableEveryMemberIsTried() throws InterruptedException {
    ScriptedProvider a = ScriptedProvider.of("a", Script.fails("a down"));
    ScriptedProvider b = ScriptedProvider.of("b", Script.fails("b down"));
    FallbackAdapter adapter = adapter(a, b);
    chat(adapter, "r1").takeUntilTerminal();
    a.awaitEndedCalls(2);
    b.awaitEndedCalls(2);
    assertFalse(adapter.isAvailable(0));
    assertFalse(adapter.isAvailable(1));
    b.then(Script.replies("b is back"));

    RecordingListener second = chat(adapter, "r2");

    assertEquals("a down", second.takeRetry().message());
    assertEquals("b is back", second.takeText());
    assertEquals(new AvailabilityChanged("b", true, 0), withoutTime(second.takeAvailability()));
    assertEquals("b", second.takeComplete().label());
    second.assertExhausted();
    assertEquals("r2", a.requests().get(2).requestId());
    assertTrue(adapter.isAvailable(1), "a member that answers is available again");
  }

  @Test
  void membersGetTheRequestWithTheirOwnAttemptOptions() {
    ScriptedProvider a = ScriptedProvider.of("a", Script.replies("ok"));
    FallbackOptions options = FallbackOptions.defaults()
        .withAttemptTimeout(Duration.ofSeconds(2)).withMaxRetryPerLlm(2).withRetryInterval(Duration.ofMillis(250));
    FallbackAdapter adapter = FallbackAdapter.of(List.of(a), options);
    LlmRequest request = request("r1")
        .withTools(List.of(new FunctionTool("lookup", "finds things", null)))
        .withToolChoice(ToolChoice.REQUIRED)
        .withParallelToolCalls(false)
        .withModel("special")
        .withExtraOptions(Map.of("temperature", 0.2))
        .withConnectOptions(ConnectOptions.defaults().withMaxRetry(9));
    RecordingListener listener = new RecordingListener();
    adapter.chat(request, listener);
    listener.takeUntilTerminal();

    LlmRequest received = a.requests().getFirst();

    assertEquals(new ConnectOptions(2, Duration.ofMillis(250), Duration.ofSeconds(2)), received.connectOptions());
    assertEquals(request.withConnectOptions(received.connectOptions()).requestId(), received.requestId());
    assertEquals(request.context().items(), received.context().items());
    assertEquals(request.tools(), received.tools());
    assertEquals(request.toolChoice(), received.toolChoice());
    assertEquals(request.parallelToolCalls(), received.parallelToolCalls());
    assertEquals(request.model(), received.model());
    assertEquals(request.extraOptions(), received.extraOptions());
    listener.assertExhausted();
  }

  @Test
  void memberRetriesPassThrough() {
    ScriptedProvider a = ScriptedProvider.of("a", Script.of(new Retry("429, retrying"), new Text("ok")));
    RecordingListener listener = chat(adapter(a), "r1");

    LlmError retry = listener.takeRetry();
    assertEquals("429, retrying", retry.message());
    assertTrue(retry.recoverable());
    assertEquals("ok", listener.takeText());
    listener.takeComplete();
    listener.assertExhausted();
  }

  @Test
  void cancellingTheAdapterStreamCancelsTheAnsweringMember() {
    ScriptedProvider a = ScriptedProvider.of("a", Script.fails("a down"));
    ScriptedProvider b = ScriptedProvider.of("b", Script.hangsAfter("partial"));
    RecordingListener listener = new RecordingListener();
    LlmStream stream = adapter(a, b).chat(request("r1"), listener);
    listener.takeRetry();
    listener.takeAvailability();
    assertEquals("partial", listener.takeChunk().delta().content());

    stream.cancel();

    LlmMetrics metrics = listener.takeComplete();
    assertTrue(metrics.cancelled());
    assertEquals("b", metrics.label());
    assertTrue(b.stream(0).wasCancelled());
    assertTrue(stream.isDone());
    listener.assertExhausted();
  }

  @Test
  void aMemberThatFailsBecauseOfTheCancelDoesNotTriggerAFallback() {
    LlmProvider failsOnCancel = new LlmProvider() {
      @Override
      public String label() {
        return "fails-on-cancel";
      }

      @Override
      public String model() {
        return "m";
      }

      @Override
      public String provider() {
        return "test";
      }

      @Override
      public LlmStream chat(LlmRequest request, LlmStreamListener listener) {
        return new LlmStream() {
          @Override
          public void cancel() {
            LlmError error = new LlmError(0, "fails-on-cancel", ErrorKind.CONNECTION, "socket closed",
                null, null, null, true, false);
            Thread.ofVirtual().start(() -> listener.onError(error));
          }

          @Override
          public boolean isDone() {
            return false;
          }
        };
      }
    };
    ScriptedProvider b = ScriptedProvider.of("b", Script.replies("unused"));
    FallbackAdapter adapter = adapter(failsOnCancel, b);
    RecordingListener listener = new RecordingListener();
    LlmStream stream = adapter.chat(request("r1"), listener);

    stream.cancel();

    assertNull(listener.takeComplete());
    assertEquals(0, b.calls());
    assertTrue(adapter.isAvailable(0), "a cancelled member is not marked unavailable");
    assertEquals(List.of(), published);
    listener.assertExhausted();
  }

  @Test
  void aMemberWhoseChatThrowsCountsAsFailed() {
    ScriptedProvider a = ScriptedProvider.of("a", Script.replies("unused"));
    a.throwOnChat(new IllegalStateException("client closed"));
    ScriptedProvider b = ScriptedProvider.of("b", Script.replies("ok"));
    Thread caller = Thread.currentThread();
    List<Thread> retryThreads = Collections.synchronizedList(new ArrayList<>());
    RecordingListener listener = new RecordingListener();
    LlmStreamListener threadRecording = new LlmStreamListener() {
      @Override
      public void onChunk(ChatChunk chunk) {
        listener.onChunk(chunk);
      }

      @Override
      public void onRetry(LlmError error) {
        retryThreads.add(Thread.currentThread());
        listener.onRetry(error);
      }

      @Override
      public void onAvailabilityChanged(AvailabilityChanged change) {
        listener.onAvailabilityChanged(change);
      }

      @Override
      public void onComplete(LlmMetrics metrics) {
        listener.onComplete(metrics);
      }

      @Override
      public void onError(LlmError error) {
        listener.onError(error);
      }
    };

    adapter(a, b).chat(request("r1"), threadRecording);

    LlmError retry = listener.takeRetry();
    assertEquals("chat failed: client closed", retry.message());
    assertEquals("a", retry.label());
    assertNotSame(caller, retryThreads.getFirst(), "reported from another thread than the caller's");
    assertUnavailable("a", listener.takeAvailability());
    assertEquals("ok", listener.takeText());
    listener.takeComplete();
    listener.assertExhausted();
  }

  @Test
  void concurrentFailuresPublishUnavailableOnce() throws InterruptedException {
    ScriptedProvider a = ScriptedProvider.of("a", Script.fails("a down"));
    ScriptedProvider b = ScriptedProvider.of("b", Script.replies("ok"));
    FallbackAdapter adapter = adapter(a, b);
    List<RecordingListener> listeners = new ArrayList<>();
    List<Thread> callers = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      RecordingListener listener = new RecordingListener();
      listeners.add(listener);
      String id = "r" + i;
      callers.add(Thread.ofVirtual().start(() -> adapter.chat(request(id), listener)));
    }
    for (Thread caller : callers) {
      caller.join();
    }

    for (RecordingListener listener : listeners) {
      List<RecordingListener.Event> events = listener.takeUntilTerminal();
      assertEquals("b", ((RecordingListener.Complete) events.getLast()).metrics().label());
      listener.assertExhausted();
    }
    assertEquals(List.of(new AvailabilityChanged("a", false, 0)), published.stream().map(this::withoutTime).toList());
  }

  @Test
  void theOfflineProviderServesAsAFallbackMember() {
    ScriptedProvider a = ScriptedProvider.of("a", Script.fails("a down"));
    try (OfflineProvider offline = OfflineProvider.create(OfflinePacing.instant())) {
      RecordingListener listener = chat(adapter(a, offline), "r1");

      listener.takeRetry();
      assertUnavailable("a", listener.takeAvailability());
      assertEquals("[offline provider] You said: hello", listener.takeText());
      listener.takeChunk();
      LlmMetrics metrics = listener.takeComplete();

      assertEquals("offline.LLM", metrics.label());
      assertEquals("offline", metrics.modelProvider());
      listener.assertExhausted();
    }
  }

  @Test
  void closeStopsRunningProbesAndRejectsNewRequests() throws InterruptedException {
    ScriptedProvider a = ScriptedProvider.of("a", Script.fails("a down"), Script.hangsAfter());
    ScriptedProvider b = ScriptedProvider.of("b", Script.replies("ok"));
    FallbackAdapter adapter = adapter(a, b);
    chat(adapter, "r1").takeUntilTerminal();

    adapter.close();

    a.awaitEndedCalls(2);
    assertTrue(a.stream(1).wasCancelled());
    assertFalse(adapter.isAvailable(0), "a cancelled probe does not bring a member back");
    IllegalStateException error = assertThrows(IllegalStateException.class,
        () -> adapter.chat(request("r2"), new RecordingListener()));
    assertEquals("the FallbackAdapter is closed", error.getMessage());
  }

  private FallbackAdapter adapter(LlmProvider... members) {
    FallbackAdapter adapter = FallbackAdapter.of(List.of(members));
    adapter.addAvailabilityListener(published::add);
    return adapter;
  }

  private static RecordingListener chat(FallbackAdapter adapter, String requestId) {
    RecordingListener listener = new RecordingListener();
    adapter.chat(request(requestId), listener);
    return listener;
  }

  private static LlmRequest request(String id) {
    return LlmRequest.of(id, ChatContext.of(List.of(ChatMessage.of(ChatRole.USER, "hello"))));
  }

  private static void assertUnavailable(String label, AvailabilityChanged change) {
    assertEquals(label, change.llm());
    assertFalse(change.available());
  }

  private AvailabilityChanged withoutTime(AvailabilityChanged change) {
    return new AvailabilityChanged(change.llm(), change.available(), 0);
  }
}
