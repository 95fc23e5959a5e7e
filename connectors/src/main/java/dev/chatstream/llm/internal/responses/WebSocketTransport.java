package dev.chatstream.llm.internal.responses;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chatstream.llm.internal.http.AttemptClients;
import dev.chatstream.llm.internal.json.Json;
import dev.chatstream.llm.internal.responses.websocket.PooledSocket;
import dev.chatstream.llm.internal.responses.websocket.ResponsesSocketPool;
import dev.chatstream.llm.internal.responses.websocket.SocketFrame;
import dev.chatstream.llm.internal.retry.AttemptContext;
import dev.chatstream.llm.internal.retry.ExceptionMapper;
import dev.chatstream.llm.internal.stream.CredentialHeaders;
import java.io.IOException;
import okhttp3.Request;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The WebSocket mode: the body goes as one {@code response.create} message on a socket from the
 * provider's {@link ResponsesSocketPool}, and every text message back is one event. The attempt
 * timeout bounds the handshake and each wait for the next message. A reused socket found closed
 * before the response began is replaced at once; a socket that closes or fails during a response
 * fails the attempt (retryable until a response chunk was delivered, so the retry loop reconnects).
 * After a clean end the socket returns to the pool; after an error it is dropped, since the server
 * may still send more for that response.
 */
final class WebSocketTransport implements ResponsesTransport {

  private static final Logger LOG = LoggerFactory.getLogger(WebSocketTransport.class);

  private final ResponsesEndpoint endpoint;
  private final AttemptClients clients;
  private final ResponsesSocketPool pool;

  WebSocketTransport(ResponsesEndpoint endpoint, AttemptClients clients, ResponsesSocketPool pool) {
    this.endpoint = endpoint;
    this.clients = clients;
    this.pool = pool;
  }

  @Override
  public void exchange(
      ObjectNode body, String model, ResponsesEvents events, AttemptContext context, ExceptionMapper errors)
      throws IOException {
    Request handshake = endpoint.authorized(endpoint.webSocketUrl(model)).build();
    ExceptionMapper masked = errors.withSecrets(CredentialHeaders.values(handshake));
    String message = Json.mapper().writeValueAsString(
        Json.mapper().createObjectNode().put("type", "response.create").setAll(body));
    PooledSocket socket = pool.reuse(handshake.url().toString());
    boolean reused = socket != null;
    if (!reused) {
      socket = pool.open(clients.forTimeout(context.timeout()), handshake, context.timeout(), context::onCancel);
    }
    while (run(socket, reused, message, events, context, masked) == Outcome.STALE) {
      LOG.debug("a pooled Responses WebSocket was closed by the server; opening a new one");
      reused = false;
      socket = pool.open(clients.forTimeout(context.timeout()), handshake, context.timeout(), context::onCancel);
    }
  }

  private enum Outcome { DONE, STALE }

  /** Runs one response on {@code socket}; {@code STALE} when a reused socket was found closed. */
  private Outcome run(PooledSocket socket, boolean reused, String message, ResponsesEvents events,
      AttemptContext context, ExceptionMapper errors) throws IOException {
    boolean clean = false;
    context.onCancel(socket::cancel);
    try {
      events.bind(errors, socket.providerRequestId());
      if (!socket.send(message)) {
        return ended(reused, false, null, errors);
      }
      boolean received = false;
      while (!context.cancelled()) {
        SocketFrame frame = socket.next(context.timeout());
        switch (frame) {
          case SocketFrame.Text text -> {
            received = true;
            events.accept(SseTransport.parse(text.text())).forEach(context::emit);
            if (events.finished()) {
              clean = true;
              return Outcome.DONE;
            }
          }
          case SocketFrame.Closed closed -> {
            if (context.cancelled()) {
              return Outcome.DONE;
            }
            return ended(reused, received, closed, errors);
          }
          case SocketFrame.Failed failed -> {
            if (context.cancelled()) {
              return Outcome.DONE;
            }
            if (reused && !received) {
              return Outcome.STALE;
            }
            throw failed.cause() instanceof IOException io ? io
                : new IOException("the WebSocket failed before the response completed", failed.cause());
          }
          case SocketFrame.Cancelled cancelled -> {
            return Outcome.DONE;
          }
        }
      }
      return Outcome.DONE;
    } finally {
      context.onCancel(() -> { });
      if (clean) {
        pool.release(socket);
      } else {
        pool.discard(socket);
      }
    }
  }

  /** A socket that closed: stale when it was reused and nothing of the response arrived, else a failure. */
  private static Outcome ended(boolean reused, boolean received, SocketFrame.Closed closed, ExceptionMapper errors)
      throws IOException {
    if (reused && !received) {
      return Outcome.STALE;
    }
    String detail = closed == null ? "" : " (code " + closed.code()
        + (closed.reason().isBlank() ? "" : ", " + errors.redact(closed.reason())) + ")";
    throw new IOException("the WebSocket closed before the response completed" + detail);
  }
}
