package dev.chatstream.llm.internal.responses.websocket;

import java.io.IOException;

/**
 * The server answered the WebSocket handshake with an HTTP status other than 101: it does not take
 * Responses over a WebSocket here (or not with these credentials).
 */
public final class UpgradeRefusedException extends IOException {

  private final int status;
  private final String providerRequestId;

  /**
   * @param status the handshake's HTTP status
   * @param message the status line's reason, or empty
   * @param providerRequestId the request id the server sent, or null
   */
  public UpgradeRefusedException(int status, String message, String providerRequestId) {
    super("the server refused the WebSocket upgrade: HTTP " + status + (message.isBlank() ? "" : " " + message));
    this.status = status;
    this.providerRequestId = providerRequestId;
  }

  /** The handshake's HTTP status. */
  public int status() {
    return status;
  }

  /** The request id the server sent with its refusal, or null. */
  public String providerRequestId() {
    return providerRequestId;
  }
}
