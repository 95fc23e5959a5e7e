package dev.chatstream.llm.internal.responses.websocket;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;

/**
 * One Responses WebSocket: OkHttp's callbacks queue what arrives, and the generation holding the
 * socket takes the frames on its own thread ({@link #next}). A socket serves one generation at a
 * time; a message arriving while nobody holds it means the socket cannot be trusted any more, so it
 * is closed.
 */
public final class PooledSocket extends WebSocketListener {

  private final BlockingQueue<SocketFrame> frames = new LinkedBlockingQueue<>();
  private final CountDownLatch opened = new CountDownLatch(1);
  private final String url;
  private final long createdNanos;
  private volatile WebSocket socket;
  private volatile boolean open;
  private volatile boolean closed;
  private volatile boolean held;
  private volatile long idleSinceNanos;
  private volatile Throwable handshakeFailure;
  private volatile Response handshakeResponse;
  private volatile String providerRequestId;

  PooledSocket(String url, long createdNanos) {
    this.url = url;
    this.createdNanos = createdNanos;
    this.held = true;
  }

  void attach(WebSocket webSocket) {
    socket = webSocket;
  }

  /**
   * Waits for the handshake.
   *
   * @param timeout the longest wait (zero: no limit)
   * @throws UpgradeRefusedException when the server answered with another status than 101
   * @throws IOException when the connection failed or the wait timed out
   */
  void awaitOpen(Duration timeout) throws IOException {
    try {
      boolean done = timeout.isZero() ? awaitForever() : opened.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
      if (!done) {
        cancel();
        throw new SocketTimeoutException("timeout");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      cancel();
      throw new IOException("interrupted while opening the WebSocket", e);
    }
    if (open) {
      return;
    }
    Response refusal = handshakeResponse;
    if (refusal != null && refusal.code() != 101) {
      throw new UpgradeRefusedException(refusal.code(), refusal.message(), refusal.header("x-request-id"));
    }
    Throwable cause = handshakeFailure;
    throw cause instanceof IOException io ? io : new IOException("the WebSocket could not be opened", cause);
  }

  /**
   * Sends one text message.
   *
   * @return false when the socket is closed or its outgoing queue is full
   */
  public boolean send(String text) {
    return !closed && socket.send(text);
  }

  /**
   * The next frame, waiting at most {@code timeout} (zero: no limit).
   *
   * @throws SocketTimeoutException when nothing arrived in time
   */
  public SocketFrame next(Duration timeout) throws IOException {
    try {
      SocketFrame frame = timeout.isZero() ? frames.take() : frames.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
      if (frame == null) {
        throw new SocketTimeoutException("timeout");
      }
      return frame;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while reading the WebSocket", e);
    }
  }

  /** Closes the socket at once and wakes the generation holding it. */
  public void cancel() {
    closed = true;
    WebSocket current = socket;
    if (current != null) {
      current.cancel();
    }
    frames.add(new SocketFrame.Cancelled());
  }

  /** The request id of the handshake's response, or null. */
  public String providerRequestId() {
    return providerRequestId;
  }

  /** The handshake URL the socket was opened with. */
  String url() {
    return url;
  }

  boolean isClosed() {
    return closed;
  }

  long ageNanos(long now) {
    return now - createdNanos;
  }

  long idleNanos(long now) {
    return now - idleSinceNanos;
  }

  /** Marks the socket held by a generation, dropping anything left from an earlier one. */
  void hold() {
    frames.clear();
    held = true;
  }

  /** Marks the socket idle since {@code now}. */
  void idle(long now) {
    idleSinceNanos = now;
    held = false;
  }

  /** Closes the socket normally. */
  void close() {
    closed = true;
    WebSocket current = socket;
    if (current != null) {
      current.close(1000, null);
    }
  }

  @Override
  public void onOpen(WebSocket webSocket, Response response) {
    providerRequestId = response.header("x-request-id");
    open = true;
    opened.countDown();
  }

  @Override
  public void onMessage(WebSocket webSocket, String text) {
    if (!held) {
      closed = true;
      webSocket.cancel();
      return;
    }
    frames.add(new SocketFrame.Text(text));
  }

  @Override
  public void onClosing(WebSocket webSocket, int code, String reason) {
    closed = true;
    frames.add(new SocketFrame.Closed(code, reason));
    webSocket.close(1000, null);
  }

  @Override
  public void onClosed(WebSocket webSocket, int code, String reason) {
    closed = true;
    frames.add(new SocketFrame.Closed(code, reason));
  }

  @Override
  public void onFailure(WebSocket webSocket, Throwable failure, Response response) {
    closed = true;
    if (!open) {
      handshakeFailure = failure;
      handshakeResponse = response;
      opened.countDown();
    }
    frames.add(new SocketFrame.Failed(failure));
  }

  private boolean awaitForever() throws InterruptedException {
    opened.await();
    return true;
  }
}
