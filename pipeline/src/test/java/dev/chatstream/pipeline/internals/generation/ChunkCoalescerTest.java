package dev.chatstream.pipeline.internals.generation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.chatstream.llm.AvailabilityChanged;
import dev.chatstream.llm.LlmError;
import dev.chatstream.llm.LlmMetrics;
import dev.chatstream.llm.chat.ChatItem;
import dev.chatstream.llm.chat.ChatMessage;
import dev.chatstream.llm.chat.ChatRole;
import dev.chatstream.llm.chat.FunctionCall;
import dev.chatstream.llm.stream.ChatChunk;
import dev.chatstream.llm.stream.ChoiceDelta;
import dev.chatstream.llm.stream.CompletionUsage;
import dev.chatstream.llm.stream.FunctionToolCall;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChunkCoalescerTest {
  private final List<String> forwarded = new ArrayList<>();
  private final List<ChatChunk> chunks = new ArrayList<>();
  private final ChunkCoalescer coalescer = new ChunkCoalescer(new Recording());
  private final ActiveGeneration a = generation("a");
  private final ActiveGeneration b = generation("b");

  @Test
  void theChunksOfOneAttemptInOneDrainLeaveAsOneChunk() {
    FunctionToolCall call = new FunctionToolCall("get_weather", "{}", "call_1", Map.of());
    CompletionUsage usage = new CompletionUsage(3, 10, 0, 0, 0, 13, null);

    coalescer.add(a, chunk(text("Hel")));
    coalescer.add(a, chunk(text("lo")));
    coalescer.add(a, new ChatChunk("c1", new ChoiceDelta(null, null, List.of(call), Map.of("k", 1)), null));
    coalescer.add(a, new ChatChunk("c1", null, usage));
    coalescer.flushAll();

    assertEquals(1, chunks.size());
    ChatChunk merged = chunks.getFirst();
    assertEquals("Hello", merged.delta().content());
    assertEquals(ChatRole.ASSISTANT, merged.delta().role());
    assertEquals(List.of(call), merged.delta().toolCalls());
    assertEquals(Map.of("k", 1), merged.delta().extra());
    assertEquals(usage, merged.usage());
    assertEquals(1, coalescer.firstChunksForwarded());
  }

  @Test
  void aLoneChunkLeavesUnchangedAndOtherAttemptsKeepTheirOwn() {
    ChatChunk only = chunk(text("x"));
    coalescer.add(a, only);
    coalescer.add(b, chunk(text("y")));
    coalescer.flushAll();

    assertSame(only, chunks.getFirst());
    assertEquals(List.of("a", "b"), forwarded);
    assertEquals(2, coalescer.firstChunksForwarded());
  }

  @Test
  void anotherCompletionIdIsNeverMerged() {
    coalescer.add(a, chunk(text("first")));
    coalescer.add(a, new ChatChunk("c2", text("second"), null));
    coalescer.flushAll();

    assertEquals(List.of("first", "second"), chunks.stream().map(c -> c.delta().content()).toList());
    assertEquals(1, coalescer.firstChunksForwarded(), "one attempt, one first chunk");
  }

  @Test
  void flushingAnAttemptLetsItsChunkOutBeforeItsNextEventAndNothingTwice() {
    coalescer.add(a, chunk(text("part")));
    coalescer.flush(a);
    coalescer.flush(a);
    coalescer.flushAll();

    assertEquals(1, chunks.size());
    assertNull(a.heldChunk());
  }

  private static ChatChunk chunk(ChoiceDelta delta) {
    return new ChatChunk("c1", delta, null);
  }

  private static ChoiceDelta text(String text) {
    return ChoiceDelta.text(text);
  }

  private static ActiveGeneration generation(String requestId) {
    ReplyRequest request = new ReplyRequest(requestId, null, null, Map.of(), List.of(), null, null, null, null, false, 5,
        false, Map.of());
    return new ActiveGeneration(new GenerationHandle("conv", requestId, 1, 0), request, new byte[0],
        new ReplyAccumulator("m", 1.0), 0);
  }

  private final class Recording implements OutputSink {
    @Override
    public void chunk(ActiveGeneration generation, ChatChunk chunk) {
      forwarded.add(generation.handle().requestId());
      chunks.add(chunk);
    }

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
        CompletionUsage usage, String finishReason, boolean cancelled) {}

    @Override
    public void cancelledBeforeStart(String conversationId, ReplyRequest request) {}

    @Override
    public void generatedItem(String conversationId, ChatItem item) {}
  }
}
