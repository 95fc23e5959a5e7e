package dev.chatstream.pipeline.internals.generation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatstream.llm.chat.ChatMessage;
import dev.chatstream.llm.chat.ChatRole;
import dev.chatstream.llm.chat.FunctionCall;
import dev.chatstream.llm.stream.ChatChunk;
import dev.chatstream.llm.stream.ChoiceDelta;
import dev.chatstream.llm.stream.CompletionUsage;
import dev.chatstream.llm.stream.FunctionToolCall;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReplyAccumulatorTest {

  @Test
  void joinsTextIntoOneAssistantMessage() {
    ReplyAccumulator reply = new ReplyAccumulator("item_m", 12.5);
    reply.add(new ChatChunk("c", ChoiceDelta.text("Hel"), null));
    reply.add(new ChatChunk("c", ChoiceDelta.text("lo"), null));
    ChatMessage message = reply.message(false);
    assertEquals("item_m", message.id());
    assertEquals(ChatRole.ASSISTANT, message.role());
    assertEquals("Hello", message.textContent());
    assertEquals(12.5, message.createdAt());
    assertEquals("stop", reply.finishReason(false));
  }

  @Test
  void namesFunctionCallsAfterTheMessage() {
    ReplyAccumulator reply = new ReplyAccumulator("item_m", 1.0);
    reply.add(new ChatChunk("c", ChoiceDelta.toolCalls(List.of(FunctionToolCall.of("a", "{}", "call_1"))), null));
    reply.add(new ChatChunk("c", ChoiceDelta.toolCalls(List.of(FunctionToolCall.of("b", "{\"x\":1}", "call_2"))), null));
    List<FunctionCall> calls = reply.functionCalls();
    assertEquals(List.of("item_m/fnc_0", "item_m/fnc_1"), calls.stream().map(FunctionCall::id).toList());
    assertEquals("call_2", calls.get(1).callId());
    assertEquals("{\"x\":1}", calls.get(1).arguments());
    assertEquals("item_m", calls.get(1).group());
    assertNull(reply.message(false));
    assertEquals("tool_calls", reply.finishReason(false));
  }

  @Test
  void aFinishReasonTheConnectorReportsWinsUnlessCancelled() {
    ReplyAccumulator reply = new ReplyAccumulator("m", 1.0);
    reply.add(new ChatChunk("c", ChoiceDelta.text("cut sho"), null));
    reply.add(new ChatChunk("c", new ChoiceDelta(ChatRole.ASSISTANT, null, List.of(),
        Map.of("finish_reason", "length", "incomplete_reason", "max_output_tokens")), CompletionUsage.of(50, 9, 59)));
    assertEquals("length", reply.finishReason(false));
    assertEquals("cancelled", reply.finishReason(true));
  }

  @Test
  void keepsTheLastUsageAndMarksInterruptedReplies() {
    ReplyAccumulator reply = new ReplyAccumulator("m", 1.0);
    reply.add(new ChatChunk("c", ChoiceDelta.text("partial"), null));
    reply.add(new ChatChunk("c", null, CompletionUsage.of(3, 10, 13)));
    assertEquals(13, reply.usage().totalTokens());
    assertTrue(reply.message(true).interrupted());
    assertEquals("cancelled", reply.finishReason(true));
  }
}
