package dev.chatstream.bench;

import dev.chatstream.events.ConversationEvent;
import dev.chatstream.events.command.GenerateReply;
import dev.chatstream.events.item.ChatMessage;
import dev.chatstream.events.item.ChatRole;
import dev.chatstream.events.item.TextContent;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The input events the bench produces: user messages and generation requests. */
final class BenchEvents {
  /** What every user message of the bench says (about 100 bytes, a typical chat turn). */
  static final String USER_TEXT = "Summarise the last order for me in two sentences, and say when it is due to arrive, please.";

  private BenchEvents() {}

  static ConversationEvent userMessage(String conversationId, String itemId) {
    ChatMessage message = ChatMessage.newBuilder()
        .setId(itemId)
        .setRole(ChatRole.user)
        .setContent(List.of(TextContent.newBuilder().setText(USER_TEXT).build()))
        .setCreatedAt(System.currentTimeMillis() / 1000.0)
        .build();
    return event(conversationId, message);
  }

  static ConversationEvent generateReply(String conversationId, String requestId) {
    return event(conversationId, GenerateReply.newBuilder().setRequestId(requestId).build());
  }

  private static ConversationEvent event(String conversationId, Object payload) {
    return ConversationEvent.newBuilder()
        .setEventId(UUID.randomUUID().toString())
        .setConversationId(conversationId)
        .setProducedAt(Instant.now())
        .setPayload(payload)
        .build();
  }
}
