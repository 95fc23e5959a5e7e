package dev.chatstream.pipeline.internals.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatstream.events.AvailabilityChanged;
import dev.chatstream.events.ChatChunk;
import dev.chatstream.events.FunctionCallEvent;
import dev.chatstream.events.LLMError;
import dev.chatstream.events.LLMMetrics;
import dev.chatstream.events.ReplyCompleted;
import dev.chatstream.events.item.TextContent;
import dev.chatstream.llm.chat.ChatItem;
import dev.chatstream.llm.chat.ChatMessage;
import dev.chatstream.llm.chat.ChatRole;
import dev.chatstream.llm.chat.FunctionCall;
import dev.chatstream.pipeline.Topics;
import dev.chatstream.pipeline.testing.ManualProvider;
import dev.chatstream.pipeline.testing.TopologyHarness;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ConversationProcessorTest {
  private final TopologyHarness harness = new TopologyHarness();

  @AfterEach
  void close() {
    harness.close();
  }

  private void userSays(String conversation, String text, double createdAt) {
    harness.send("{\"type\":\"message\",\"conversation_id\":\"" + conversation + "\",\"role\":\"user\",\"content\":[\""
        + text + "\"],\"created_at\":" + createdAt + "}");
  }

  private void generate(String conversation, String requestId) {
    harness.send("{\"type\":\"generate_reply\",\"conversation_id\":\"" + conversation + "\",\"request_id\":\""
        + requestId + "\",\"metadata\":{\"trace\":\"t-1\"}}");
  }

  @Test
  void streamsChunksThenCompletesTheReplyAndStoresIt() {
    userSays("c1", "Hello", 100.0);
    generate("c1", "r1");
    ManualProvider.Call call = harness.provider.nextCall();
    assertEquals(List.of("Hello"), call.request().context().items().stream()
        .map(item -> ((ChatMessage) item).textContent()).toList());

    call.text("Hi ").text("there");
    harness.drain();
    call.text("!");
    harness.drain();
    List<SpecificRecord> chunks = harness.read(Topics.CHUNKS);
    assertEquals(2, chunks.size(), "the two chunks that arrived between drains leave as one");
    ChatChunk first = (ChatChunk) chunks.get(0);
    assertEquals("c1", first.getConversationId());
    assertEquals("r1", first.getRequestId());
    assertEquals(1, first.getAttempt());
    assertEquals(0, first.getSequence());
    assertEquals("t-1", first.getRequestMetadata().get("trace"));
    assertEquals("Hi there", first.getDelta().getContent());
    assertEquals("!", ((ChatChunk) chunks.get(1)).getDelta().getContent());
    assertEquals(1, ((ChatChunk) chunks.get(1)).getSequence());

    call.complete();
    harness.drain();
    ReplyCompleted reply = (ReplyCompleted) harness.read(Topics.REPLIES).get(0);
    assertEquals("Hi there!", ((TextContent) reply.getMessage().getContent().get(0)).getText());
    assertEquals("stop", reply.getFinishReason());
    assertFalse(reply.getCancelled());
    LLMMetrics metrics = (LLMMetrics) harness.read(Topics.METRICS).get(0);
    assertEquals("r1", metrics.getRequestId());
    assertEquals(3, metrics.getCompletionTokens());

    List<ChatItem> items = harness.context("c1").items();
    assertEquals(2, items.size());
    assertEquals(ChatRole.ASSISTANT, ((ChatMessage) items.get(1)).role());
    assertEquals("Hi there!", ((ChatMessage) items.get(1)).textContent());
    assertEquals(1, harness.readAppended().stream().filter(r -> r.headers().lastHeader(Origin.HEADER) != null).count());
  }

  @Test
  void availabilityChangesArePublishedDuringAndAfterTheGeneration() {
    userSays("c1", "Hello", 100.0);
    generate("c1", "r1");
    ManualProvider.Call call = harness.provider.nextCall();
    call.availability("a.LLM", false, 5.0).text("Hi");
    harness.drain();
    call.complete();
    harness.drain();
    call.availability("a.LLM", true, 7.5);
    harness.drain();

    List<AvailabilityChanged> changes = harness.read(Topics.METRICS).stream()
        .filter(AvailabilityChanged.class::isInstance).map(AvailabilityChanged.class::cast).toList();
    assertEquals(2, changes.size());
    AvailabilityChanged down = changes.get(0);
    assertEquals(List.of("c1", "r1", 1, 0L, "t-1", false, 5.0), List.of(down.getConversationId(), down.getRequestId(),
        down.getAttempt(), down.getSequence(), down.getRequestMetadata().get("trace"), down.getAvailable(), down.getTimestamp()));
    AvailabilityChanged up = changes.get(1);
    assertEquals(List.of("c1", "r1", 0, 0L, "a.LLM", true, 7.5), List.of(up.getConversationId(), up.getRequestId(),
        up.getAttempt(), up.getSequence(), up.getLlm(), up.getAvailable(), up.getTimestamp()),
        "a recovery confirmed after its request ended is published outside the generation");
  }

  @Test
  void laterRequestsWaitForTheRunningOne() {
    userSays("c1", "one", 1.0);
    generate("c1", "r1");
    generate("c1", "r2");
    ManualProvider.Call first = harness.provider.nextCall();
    assertTrue(harness.provider.noPendingCalls());
    first.text("a").complete();
    harness.drain();
    ManualProvider.Call second = harness.provider.nextCall();
    assertEquals("r2", second.request().requestId());
    assertEquals(2, second.request().context().size());
  }

  @Test
  void cancelKeepsThePartialReplyAsInterrupted() {
    userSays("c1", "tell me a story", 1.0);
    generate("c1", "r1");
    ManualProvider.Call call = harness.provider.nextCall();
    call.text("Once upon");
    harness.drain();
    harness.send("{\"type\":\"cancel\",\"conversation_id\":\"c1\"}");
    assertTrue(call.isCancelled());
    harness.drain();
    ReplyCompleted reply = (ReplyCompleted) harness.read(Topics.REPLIES).get(0);
    assertTrue(reply.getCancelled());
    assertEquals("cancelled", reply.getFinishReason());
    assertTrue(reply.getMessage().getInterrupted());
    assertTrue(((LLMMetrics) harness.read(Topics.METRICS).get(0)).getCancelled());
    ChatMessage stored = (ChatMessage) harness.context("c1").items().get(1);
    assertTrue(stored.interrupted());
    assertEquals("Once upon", stored.textContent());
  }

  @Test
  void interruptCancelsTheRunningGenerationAndRunsTheNewOne() {
    userSays("c1", "hi", 1.0);
    generate("c1", "r1");
    ManualProvider.Call first = harness.provider.nextCall();
    harness.send("{\"type\":\"generate_reply\",\"conversation_id\":\"c1\",\"request_id\":\"r2\",\"interrupt\":true}");
    assertTrue(first.isCancelled());
    harness.drain();
    ManualProvider.Call second = harness.provider.nextCall();
    assertEquals("r2", second.request().requestId());
  }

  @Test
  void cancellingAQueuedRequestRemovesIt() {
    generate("c1", "r1");
    generate("c1", "r2");
    harness.provider.nextCall();
    harness.send("{\"type\":\"cancel\",\"conversation_id\":\"c1\",\"request_id\":\"r2\"}");
    ReplyCompleted reply = (ReplyCompleted) harness.read(Topics.REPLIES).get(0);
    assertEquals("r2", reply.getRequestId());
    assertTrue(reply.getCancelled());
    assertEquals(1, harness.generationStore().entries("c1").size());
  }

  @Test
  void providerFailurePublishesTheErrorAndStartsTheNextRequest() {
    generate("c1", "r1");
    generate("c1", "r2");
    ManualProvider.Call first = harness.provider.nextCall();
    first.retry("connection reset");
    first.fail("failed to generate LLM completion after 4 attempts");
    harness.drain();
    List<SpecificRecord> errors = harness.read(Topics.ERRORS);
    assertEquals(2, errors.size());
    assertTrue(((LLMError) errors.get(0)).getRecoverable());
    assertFalse(((LLMError) errors.get(1)).getRecoverable());
    assertEquals(500, ((LLMError) errors.get(1)).getError().getStatus());
    assertTrue(harness.read(Topics.METRICS).isEmpty());
    assertEquals("r2", harness.provider.nextCall().request().requestId());
  }

  @Test
  void functionCallsGoToTheirTopicAndIntoTheContext() {
    userSays("c1", "weather in Paris?", 1.0);
    harness.send("{\"type\":\"generate_reply\",\"conversation_id\":\"c1\",\"request_id\":\"r1\","
        + "\"tools\":[{\"name\":\"get_weather\",\"parameters\":{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}}}}]}");
    ManualProvider.Call call = harness.provider.nextCall();
    assertEquals("get_weather", call.request().tools().get(0).name());
    call.toolCall("get_weather", "{\"city\":\"Paris\"}", "call_1").toolCall("get_weather", "{\"city\":\"Rome\"}", "call_2");
    call.complete();
    harness.drain();
    List<SpecificRecord> calls = harness.read(Topics.FUNCTION_CALLS);
    assertEquals(2, calls.size());
    FunctionCallEvent event = (FunctionCallEvent) calls.get(1);
    assertEquals("call_2", event.getFunctionCall().getCallId());
    assertTrue(event.getFunctionCall().getId().endsWith("/fnc_1"));
    assertEquals("tool_calls", ((ReplyCompleted) harness.read(Topics.REPLIES).get(0)).getFinishReason());
    List<ChatItem> items = harness.context("c1").items();
    assertEquals(3, items.size());
    assertEquals("{\"city\":\"Rome\"}", ((FunctionCall) items.get(2)).arguments());
  }

  @Test
  void autoToolReplyRunsOnceEveryCallHasItsOutput() {
    userSays("c1", "weather?", 1.0);
    harness.send("{\"type\":\"generate_reply\",\"conversation_id\":\"c1\",\"request_id\":\"r1\",\"auto_tool_reply\":true,"
        + "\"tools\":[{\"name\":\"get_weather\"}]}");
    harness.provider.nextCall().toolCall("get_weather", "{}", "call_1").toolCall("get_weather", "{}", "call_2").complete();
    harness.drain();
    harness.send("{\"type\":\"function_call_output\",\"conversation_id\":\"c1\",\"call_id\":\"call_1\",\"output\":\"sunny\",\"is_error\":false}");
    assertTrue(harness.provider.noPendingCalls());
    harness.send("{\"type\":\"function_call_output\",\"conversation_id\":\"c1\",\"call_id\":\"call_2\",\"output\":\"rain\",\"is_error\":false}");
    ManualProvider.Call next = harness.provider.nextCall();
    assertEquals("r1/tool-1", next.request().requestId());
    assertEquals(5, next.request().context().size());
    assertEquals("get_weather", next.request().tools().get(0).name());
  }

  @Test
  void toolLoopStopsAtMaxToolStepsWithAnError() {
    harness.send("{\"type\":\"generate_reply\",\"conversation_id\":\"c1\",\"request_id\":\"r1\",\"auto_tool_reply\":true,"
        + "\"max_tool_steps\":1,\"tools\":[{\"name\":\"lookup\"}]}");
    harness.provider.nextCall().toolCall("lookup", "{}", "call_1").complete();
    harness.drain();
    harness.send("{\"type\":\"function_call_output\",\"conversation_id\":\"c1\",\"call_id\":\"call_1\",\"output\":\"x\",\"is_error\":false}");
    harness.provider.nextCall().toolCall("lookup", "{}", "call_2").complete();
    harness.drain();
    LLMError error = (LLMError) harness.read(Topics.ERRORS).get(0);
    assertTrue(error.getError().getMessage().contains("max_tool_steps (1) reached"), error.getError().getMessage());
    harness.send("{\"type\":\"function_call_output\",\"conversation_id\":\"c1\",\"call_id\":\"call_2\",\"output\":\"y\",\"is_error\":false}");
    assertTrue(harness.provider.noPendingCalls());
  }

  @Test
  void requestsNamingAProfileUseIt() {
    harness.send("{\"type\":\"generate_reply\",\"conversation_id\":\"c1\",\"request_id\":\"r1\",\"llm\":\"other\"}");
    assertEquals("r1", harness.other.nextCall().request().requestId());
    assertTrue(harness.provider.noPendingCalls());
  }

  @Test
  void contextTransformShapesOnlyTheRequest() {
    harness.send("{\"type\":\"message\",\"conversation_id\":\"c1\",\"role\":\"system\",\"content\":[\"be brief\"],\"created_at\":1}");
    userSays("c1", "a", 2.0);
    userSays("c1", "b", 3.0);
    userSays("c1", "c", 4.0);
    harness.send("{\"type\":\"generate_reply\",\"conversation_id\":\"c1\",\"request_id\":\"r1\","
        + "\"context\":{\"truncate_to\":2,\"exclude_instructions\":true}}");
    assertEquals(2, harness.provider.nextCall().request().context().size());
    assertEquals(4, harness.context("c1").size());
  }

  @Test
  void itemsAreOrderedByTimeAndDeduplicatedById() {
    harness.send("{\"type\":\"message\",\"conversation_id\":\"c1\",\"id\":\"m2\",\"role\":\"user\",\"content\":[\"second\"],\"created_at\":20}");
    harness.send("{\"type\":\"message\",\"conversation_id\":\"c1\",\"id\":\"m1\",\"role\":\"user\",\"content\":[\"first\"],\"created_at\":10}");
    harness.send("{\"type\":\"message\",\"conversation_id\":\"c1\",\"id\":\"m1\",\"role\":\"user\",\"content\":[\"again\"],\"created_at\":30}");
    assertEquals(List.of("m1", "m2"), harness.context("c1").items().stream().map(ChatItem::id).toList());
  }

  @Test
  void truncateAndDeleteActOnTheState() {
    harness.send("{\"type\":\"message\",\"conversation_id\":\"c1\",\"role\":\"developer\",\"content\":[\"rules\"],\"created_at\":1}");
    for (int i = 0; i < 5; i++) {
      userSays("c1", "m" + i, 2.0 + i);
    }
    harness.send("{\"type\":\"truncate\",\"conversation_id\":\"c1\",\"max_items\":2}");
    assertEquals(List.of("rules", "m3", "m4"), harness.context("c1").items().stream()
        .map(item -> ((ChatMessage) item).textContent()).toList());
    generate("c1", "r1");
    ManualProvider.Call call = harness.provider.nextCall();
    harness.send("{\"type\":\"delete\",\"conversation_id\":\"c1\"}");
    assertTrue(call.isCancelled());
    assertEquals(0, harness.context("c1").size());
    assertTrue(harness.generationStore().entries("c1").isEmpty());
    harness.drain();
    assertTrue(harness.read(Topics.REPLIES).isEmpty());
  }

  @Test
  void conversationsRunConcurrently() {
    generate("a", "ra");
    generate("b", "rb");
    ManualProvider.Call first = harness.provider.nextCall();
    ManualProvider.Call second = harness.provider.nextCall();
    second.text("from b").complete();
    first.text("from a").complete();
    harness.drain();
    List<SpecificRecord> replies = harness.read(Topics.REPLIES);
    assertEquals(2, replies.size());
  }

  @Test
  void aRepeatedRequestIdIsIgnored() {
    generate("c1", "r1");
    generate("c1", "r1");
    harness.provider.nextCall().text("once").complete();
    harness.drain();
    assertTrue(harness.provider.noPendingCalls());
    assertEquals(1, harness.read(Topics.REPLIES).size());
  }

  @Test
  void cancelStopsAToolLoopWaitingForOutputs() {
    harness.send("{\"type\":\"generate_reply\",\"conversation_id\":\"c1\",\"request_id\":\"r1\",\"auto_tool_reply\":true,"
        + "\"tools\":[{\"name\":\"lookup\"}]}");
    harness.provider.nextCall().toolCall("lookup", "{}", "call_1").complete();
    harness.drain();
    harness.send("{\"type\":\"cancel\",\"conversation_id\":\"c1\"}");
    harness.send("{\"type\":\"function_call_output\",\"conversation_id\":\"c1\",\"call_id\":\"call_1\",\"output\":\"x\",\"is_error\":false}");
    assertTrue(harness.provider.noPendingCalls());
    assertEquals(2, harness.context("c1").size(), "the output is stored as an ordinary item");
  }
}
