/**
 * Internal: the OpenAI Responses protocol. Start at
 * {@link dev.chatstream.llm.internal.responses.ResponsesEngine}: {@code ResponsesAttempt} plans the
 * input ({@code ResponseChains} holds the {@code previous_response_id} rules), {@code ResponsesBody}
 * builds the request, {@code SseTransport} and {@code WebSocketTransport} carry it, and
 * {@code ResponsesEvents} is where a Responses event becomes a
 * {@link dev.chatstream.llm.stream.ChatChunk} ({@code ResponsesErrors} maps the failures). The
 * socket pool is in {@code websocket}, provider-side conversations in {@code conversations}. Not
 * public API.
 */
package dev.chatstream.llm.internal.responses;
