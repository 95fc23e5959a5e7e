package dev.chatstream.llm.internal.responses.websocket;

/** What a {@link PooledSocket} received, in order. */
public sealed interface SocketFrame {

  /** A text message: one Responses event. */
  record Text(String text) implements SocketFrame {}

  /** The server closed the socket. */
  record Closed(int code, String reason) implements SocketFrame {}

  /** The socket failed (the connection dropped, a protocol error). */
  record Failed(Throwable cause) implements SocketFrame {}

  /** The generation holding the socket was cancelled. */
  record Cancelled() implements SocketFrame {}
}
