/**
 * Internal: the WebSocket side of the Responses connector. Start at
 * {@link dev.chatstream.llm.internal.responses.websocket.ResponsesSocketPool}: the sockets of one
 * provider, each held by one generation at a time and reused across conversations;
 * {@link dev.chatstream.llm.internal.responses.websocket.PooledSocket} is where OkHttp's callbacks
 * become frames the generation's thread reads. Not public API.
 */
package dev.chatstream.llm.internal.responses.websocket;
