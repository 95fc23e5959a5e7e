/**
 * Internal: provider-side conversations for the Responses connector ({@code state=conversation}), the
 * successor of the Assistants API's threads. Start at
 * {@link dev.chatstream.llm.internal.responses.conversations.ConversationSync}, which decides what to
 * add and delete; {@link dev.chatstream.llm.internal.responses.conversations.ConversationsClient}
 * makes the calls. Not public API.
 */
package dev.chatstream.llm.internal.responses.conversations;
