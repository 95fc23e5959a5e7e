package dev.chatstream.pipeline.internals.generation;

import dev.chatstream.llm.chat.ItemIds;
import dev.chatstream.pipeline.internals.state.ConversationStore;

/**
 * Whether a request was answered already: its reply's message {@code M} or first function call
 * {@code M/fnc_0} is in the context. A reply's items join the context after its {@code ReplyCompleted}
 * is forwarded, so when they are there the reply went out before them. Under at-least-once a crash
 * can leave the request's record unread or its generation entry in the store after its reply went
 * out; this is how the restart tells a finished request from one to run again.
 */
final class AnsweredRequests {
  private AnsweredRequests() {}

  static boolean answered(ConversationStore conversations, String conversationId, String requestId) {
    String messageId = MessageIds.forRequest(conversationId, requestId);
    return conversations.contains(conversationId, messageId)
        || conversations.contains(conversationId, ItemIds.functionCallId(messageId, 0));
  }
}
