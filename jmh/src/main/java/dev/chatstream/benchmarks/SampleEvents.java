package dev.chatstream.benchmarks;

import dev.chatstream.events.ChatChunk;
import dev.chatstream.events.ConversationEvent;
import dev.chatstream.events.ReplyCompleted;
import dev.chatstream.events.item.ChatMessage;
import dev.chatstream.events.item.ChatRole;
import dev.chatstream.events.item.FunctionCall;
import dev.chatstream.events.item.TextContent;
import dev.chatstream.events.stream.ChoiceDelta;
import dev.chatstream.events.stream.CompletionUsage;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;

/** Typical Avro events of one conversation, as the topics carry them. */
public final class SampleEvents {
  private static final String CONVERSATION = "conv-7f3a9c2e";
  private static final String REQUEST = "req-5d41402a";
  private static final Map<String, String> METADATA = Map.of("tenant", "acme", "channel", "web");

  private SampleEvents() {}

  /**
   * The event called {@code name}: {@code conversation_event} (a user message on the conversations
   * topic), {@code chat_chunk} (a streamed text delta) or {@code reply_completed} (an answer with a
   * function call and usage).
   *
   * @throws IllegalArgumentException for any other name
   */
  public static SpecificRecord named(String name) {
    return switch (name) {
      case "conversation_event" -> conversationEvent();
      case "chat_chunk" -> chatChunk();
      case "reply_completed" -> replyCompleted();
      default -> throw new IllegalArgumentException("unknown sample event '" + name
          + "' (expected conversation_event, chat_chunk or reply_completed)");
    };
  }

  /** A user message appended to the conversation. */
  public static ConversationEvent conversationEvent() {
    return ConversationEvent.newBuilder()
        .setEventId("evt-0c4f1e8a-2b7d-4d0e-9a61-3f5e2c1b7a90")
        .setConversationId(CONVERSATION)
        .setProducedAt(Instant.ofEpochMilli(1_750_000_123_456L))
        .setPayload(message("item_00000000002a", ChatRole.user,
            "Hi, I have a question about my last invoice: it shows two charges for the same order. "
                + "Could you check what happened and refund the second one?"))
        .build();
  }

  /** A text delta of a streamed reply. */
  public static ChatChunk chatChunk() {
    return ChatChunk.newBuilder()
        .setConversationId(CONVERSATION)
        .setRequestId(REQUEST)
        .setAttempt(0)
        .setSequence(17)
        .setRequestMetadata(METADATA)
        .setId("chatcmpl-AyPbZ8ug3WTjP7gOa9kpyMxWvQuBH")
        .setDelta(ChoiceDelta.newBuilder()
            .setRole(ChatRole.assistant)
            .setContent(" the second charge")
            .setToolCalls(List.of()) // set, not defaulted: a defaulted record array needs Avro to trust the class
            .setExtra(Map.of())
            .build())
        .build();
  }

  /** A finished reply: an assistant message, one function call and the usage. */
  public static ReplyCompleted replyCompleted() {
    FunctionCall call = FunctionCall.newBuilder()
        .setId("item_00000000002b/fnc_0")
        .setCallId("call_l5Vz0hTlSo0Jt0ALGBw8Xq8Y")
        .setName("refund_charge")
        .setArguments("{\"order_id\":\"A-10042\",\"charge_id\":\"ch_3PqS9u2eZvKYlo2C\",\"reason\":\"duplicate\"}")
        .setCreatedAt(1_750_000_125.25)
        .build();
    return ReplyCompleted.newBuilder()
        .setConversationId(CONVERSATION)
        .setRequestId(REQUEST)
        .setAttempt(0)
        .setSequence(42)
        .setRequestMetadata(METADATA)
        .setMessage(message("item_00000000002b", ChatRole.assistant,
            "I found the order: the card was charged twice because the first payment timed out at the bank "
                + "and was retried. The second charge is a duplicate, so I am refunding it now. The refund "
                + "usually shows on your statement within five business days; you will also get an email "
                + "confirmation with the refund number. Is there anything else I can help you with today?"))
        .setFunctionCalls(List.of(call))
        .setUsage(CompletionUsage.newBuilder()
            .setCompletionTokens(96).setPromptTokens(1_843).setPromptCachedTokens(1_536).setTotalTokens(1_939)
            .setServiceTier("default").build())
        .setFinishReason("tool_calls")
        .build();
  }

  private static ChatMessage message(String id, ChatRole role, String text) {
    return ChatMessage.newBuilder()
        .setId(id)
        .setRole(role)
        .setContent(List.of(TextContent.newBuilder().setText(text).build()))
        .setCreatedAt(1_750_000_123.5)
        .build();
  }
}
