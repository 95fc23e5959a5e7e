package dev.chatstream.pipeline.internals.generation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatstream.llm.AvailabilityChanged;
import dev.chatstream.llm.ConnectOptions;
import dev.chatstream.llm.LlmError;
import dev.chatstream.llm.LlmMetrics;
import dev.chatstream.llm.chat.ChatItem;
import dev.chatstream.llm.chat.ChatMessage;
import dev.chatstream.llm.chat.ChatRole;
import dev.chatstream.llm.chat.TextContent;
import dev.chatstream.llm.chat.FunctionCall;
import dev.chatstream.llm.chat.FunctionCallOutput;
import dev.chatstream.llm.stream.ChatChunk;
import dev.chatstream.llm.stream.CompletionUsage;
import dev.chatstream.pipeline.internals.llm.ProviderRegistry;
import dev.chatstream.pipeline.internals.mapping.AvroItemCodec;
import dev.chatstream.pipeline.internals.state.ConversationLimits;
import dev.chatstream.pipeline.internals.state.ConversationStore;
import dev.chatstream.pipeline.internals.state.GenerationStore;
import dev.chatstream.pipeline.testing.ManualProvider;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lifecycle over real (in-memory) stores, with a request codec that counts how often a stored
 * request is decoded: once per start at most, and not at all for a request that arrived on this task.
 */
class GenerationLifecycleTest {
  private static final String CONVERSATION = "c1";

  @TempDir
  Path stateDir;

  private final ManualProvider provider = new ManualProvider();
  private final ProviderEventQueue queue = new ProviderEventQueue();
  private final List<String> completed = new ArrayList<>();
  private final List<String> writes = new ArrayList<>();
  private int decodes;
  private ConversationStore conversations;
  private GenerationStore generations;

  @BeforeEach
  void openStores() {
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "lifecycle-test");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    MockProcessorContext<Object, Object> context = new MockProcessorContext<>(props, new TaskId(0, 0), stateDir.toFile());
    conversations = new ConversationStore(store(ConversationStore.ITEMS, context), store(ConversationStore.INDEX, context),
        counted(store(ConversationStore.HEADERS, context), "headers"), new AvroItemCodec(),
        new ConversationLimits(100, 1_000_000));
    generations = new GenerationStore(counted(store(GenerationStore.NAME, context), "generations"));
  }

  /** Each store write is a changelog record: a turn that starts at once writes its entry once, the header never. */
  @Test
  void aRequestThatStartsAtOnceWritesItsEntryOnceAndNoHeader() {
    GenerationLifecycle lifecycle = lifecycle(new InflightLimiter(4));
    lifecycle.request(CONVERSATION, request("r1", false), encoded("r1"), null);

    assertEquals(List.of("generations put"), writes);
    assertEquals(1, generations.entries(CONVERSATION).getFirst().attempt());
    provider.nextCall().text("one").complete();
    drain(lifecycle);

    assertEquals(List.of("generations put", "headers put", "generations delete"), writes,
        "the reply's item (items, index, header) and the entry's removal");
  }

  @Test
  void aRequestBehindARunningOneIsQueuedAfterItAndStartsWhenItEnds() {
    GenerationLifecycle lifecycle = lifecycle(new InflightLimiter(4));
    lifecycle.request(CONVERSATION, request("r1", false), encoded("r1"), null);
    lifecycle.request(CONVERSATION, request("r2", false), encoded("r2"), null);
    assertEquals(List.of(0L, 1L), generations.entries(CONVERSATION).stream().map(e -> e.seq()).toList());
    provider.nextCall().text("one").complete();
    drain(lifecycle);
    lifecycle.request(CONVERSATION, request("r3", false), encoded("r3"), null);

    assertEquals(List.of(1L, 2L), generations.entries(CONVERSATION).stream().map(e -> e.seq()).toList());
    assertEquals("r2", provider.nextCall().request().requestId());
    assertTrue(provider.noPendingCalls(), "r3 waits for r2");
  }

  @Test
  void aRequestThatArrivesOnThisTaskIsNeverDecodedFromTheStore() {
    GenerationLifecycle lifecycle = lifecycle(new InflightLimiter(4));
    lifecycle.request(CONVERSATION, request("r1", false), encoded("r1"), null);
    lifecycle.request(CONVERSATION, request("r2", false), encoded("r2"), null);
    provider.nextCall().text("one").complete();
    drain(lifecycle);
    provider.nextCall().text("two").complete();
    drain(lifecycle);

    assertEquals(List.of("r1", "r2"), completed);
    assertEquals(0, decodes);
  }

  @Test
  void requestsTakenOverFromTheStoreAreDecodedOncePerStart() {
    GenerationLifecycle before = lifecycle(new InflightLimiter(4));
    before.request(CONVERSATION, request("r1", false), encoded("r1"), null);
    before.request(CONVERSATION, request("r2", false), encoded("r2"), null);
    provider.nextCall();

    GenerationLifecycle after = lifecycle(new InflightLimiter(4));
    after.resume();
    provider.nextCall().text("one").complete();
    drain(after);
    provider.nextCall().text("two").complete();
    drain(after);

    assertEquals(List.of("r1", "r2"), completed);
    assertEquals(2, decodes);
  }

  @Test
  void aRequestWaitingForAPermitKeepsItsDecodedForm() {
    InflightLimiter limiter = new InflightLimiter(1);
    GenerationLifecycle lifecycle = lifecycle(limiter);
    lifecycle.request("other", request("r0", false), encoded("r0"), null);
    lifecycle.request(CONVERSATION, request("r1", false), encoded("r1"), null);
    assertEquals(1, lifecycle.waiting());

    provider.nextCall().text("zero").complete();
    drain(lifecycle);
    lifecycle.startWaiting();
    provider.nextCall().text("one").complete();
    drain(lifecycle);

    assertEquals(List.of("r0", "r1"), completed);
    assertEquals(0, decodes);
  }

  @Test
  void aToolLoopStepDecodesItsRequestOnceWhenItStarts() {
    GenerationLifecycle lifecycle = lifecycle(new InflightLimiter(4));
    lifecycle.request(CONVERSATION, request("r1", true), encoded("r1"), null);
    provider.nextCall().toolCall("get_weather", "{}", "call_1").complete();
    drain(lifecycle);
    FunctionCallOutput output = new FunctionCallOutput("out_1", "call_1", "get_weather", "sunny", false, 2.0);
    conversations.append(CONVERSATION, output);
    lifecycle.functionOutput(CONVERSATION, output, null);
    provider.nextCall().text("It is sunny.").complete();
    drain(lifecycle);

    assertEquals(List.of("r1", "r1/tool-1"), completed);
    assertEquals(1, decodes);
  }

  /** At-least-once: after a crash the request's record is read again though its reply went out (crash drill). */
  @Test
  void aRequestWhoseReplyIsInTheContextIsARepeatAndDoesNotRunAgain() {
    GenerationLifecycle before = lifecycle(new InflightLimiter(4));
    before.request(CONVERSATION, request("r1", false), encoded("r1"), null);
    provider.nextCall().text("one").complete();
    drain(before);

    GenerationLifecycle after = lifecycle(new InflightLimiter(4));
    after.request(CONVERSATION, request("r1", false), encoded("r1"), null);

    assertTrue(provider.noPendingCalls(), "the answered request was started again");
    assertEquals(List.of("r1"), completed);
    assertEquals(List.of(), generations.entries(CONVERSATION));
  }

  /** At-least-once: a crash lost the removal of a finished attempt's entry, not its reply (crash drill). */
  @Test
  void aRunningEntryWhoseReplyIsInTheContextIsDroppedAtResumeAndTheNextRequestStarts() {
    GenerationLifecycle before = lifecycle(new InflightLimiter(4));
    before.request(CONVERSATION, request("r1", false), encoded("r1"), null);
    before.request(CONVERSATION, request("r2", false), encoded("r2"), null);
    provider.nextCall();
    conversations.append(CONVERSATION, new ChatMessage(
        MessageIds.forRequest(CONVERSATION, "r1"), ChatRole.ASSISTANT,
        List.of(new TextContent("one")), false, null, Map.of(), 1.0));

    GenerationLifecycle after = lifecycle(new InflightLimiter(4));
    after.resume();
    ManualProvider.Call next = provider.nextCall();
    next.text("two").complete();
    drain(after);

    assertEquals(List.of("r2"), completed, "r1 is not run again; r2 runs");
    assertTrue(provider.noPendingCalls());
  }

  @SuppressWarnings("unchecked")
  private KeyValueStore<Bytes, byte[]> counted(KeyValueStore<Bytes, byte[]> store, String name) {
    return (KeyValueStore<Bytes, byte[]>) Proxy.newProxyInstance(getClass().getClassLoader(),
        new Class<?>[] {KeyValueStore.class}, (proxy, method, args) -> {
          if (method.getName().equals("put") || method.getName().equals("delete")) {
            writes.add(name + " " + method.getName());
          }
          try {
            return method.invoke(store, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
  }

  private GenerationLifecycle lifecycle(InflightLimiter limiter) {
    RequestCodec counting = bytes -> {
      decodes++;
      return request(new String(bytes, StandardCharsets.UTF_8), true);
    };
    return new GenerationLifecycle(conversations, generations, new GenerationRunner(limiter, queue),
        ProviderRegistry.builder("default").add("default", provider, ConnectOptions.defaults()).build(),
        counting, new CompletedReplies(), () -> 1.0);
  }

  private void drain(GenerationLifecycle lifecycle) {
    queue.drain(1000, Duration.ofSeconds(1), lifecycle::onProviderEvent);
  }

  private static ReplyRequest request(String requestId, boolean autoToolReply) {
    return new ReplyRequest(requestId, null, null, Map.of(), List.of(), null, null, null, null, autoToolReply, 5, false,
        Map.of());
  }

  private static byte[] encoded(String requestId) {
    return requestId.getBytes(StandardCharsets.UTF_8);
  }

  private static KeyValueStore<Bytes, byte[]> store(String name, MockProcessorContext<Object, Object> context) {
    KeyValueStore<Bytes, byte[]> store = Stores.keyValueStoreBuilder(
            Stores.inMemoryKeyValueStore(name), Serdes.Bytes(), Serdes.ByteArray())
        .withLoggingDisabled()
        .build();
    store.init(context.getStateStoreContext(), store);
    return store;
  }

  /** Records the request ids of completed replies; ignores the rest. */
  private final class CompletedReplies implements OutputSink {
    @Override
    public void chunk(ActiveGeneration generation, ChatChunk chunk) {}

    @Override
    public void functionCall(ActiveGeneration generation, FunctionCall call) {}

    @Override
    public void error(ActiveGeneration generation, LlmError error) {}

    @Override
    public void requestError(String conversationId, ReplyRequest request, LlmError error) {}

    @Override
    public void availability(ActiveGeneration generation, AvailabilityChanged change) {}

    @Override
    public void availabilityAfterEnd(GenerationHandle handle, AvailabilityChanged change) {}

    @Override
    public void metrics(ActiveGeneration generation, LlmMetrics metrics) {}

    @Override
    public void replyCompleted(ActiveGeneration generation, ChatMessage message, List<FunctionCall> calls,
        CompletionUsage usage, String finishReason, boolean cancelled) {
      completed.add(generation.handle().requestId());
    }

    @Override
    public void cancelledBeforeStart(String conversationId, ReplyRequest request) {}

    @Override
    public void generatedItem(String conversationId, ChatItem item) {}
  }
}
