package dev.chatstream.llm.internal.responses.websocket;

import java.io.IOException;
import java.time.Duration;
import java.util.Deque;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import okhttp3.OkHttpClient;
import okhttp3.Request;

/**
 * The Responses WebSockets of one provider, shared by all its conversations. A generation holds a
 * socket for one response (a socket carries one response at a time); afterwards the socket goes
 * back to the pool and the next generation, of whichever conversation, reuses the most recently
 * used one, so a provider answering one generation at a time keeps a single socket. Concurrent
 * generations open more sockets. Sockets are kept apart by their handshake URL: hosts other than
 * OpenAI's route a socket by the model in its URL, so it serves only that model. A socket that closed, or that is older than {@link #MAX_AGE} (the
 * provider ends connections after an hour) or idle longer than {@link #MAX_IDLE}, is not reused.
 * Thread-safe.
 */
public final class ResponsesSocketPool implements AutoCloseable {

  /** Sockets are not reused past this age. */
  public static final Duration MAX_AGE = Duration.ofMinutes(55);
  /** Sockets idle this long are closed instead of reused. */
  public static final Duration MAX_IDLE = Duration.ofMinutes(5);
  /** Idle sockets kept per handshake URL; more are closed. */
  static final int MAX_IDLE_SOCKETS = 256;

  private final ConcurrentMap<String, Deque<PooledSocket>> idle = new ConcurrentHashMap<>();
  private final LongSupplier nanoTime;
  private volatile boolean closed;

  /** A pool on the system clock. */
  public ResponsesSocketPool() {
    this(System::nanoTime);
  }

  ResponsesSocketPool(LongSupplier nanoTime) {
    this.nanoTime = nanoTime;
  }

  /**
   * An idle socket opened with the handshake URL {@code url} that can still be used, now held by the
   * caller, or null when there is none.
   */
  public PooledSocket reuse(String url) {
    Deque<PooledSocket> sockets = idle.get(url);
    if (sockets == null) {
      return null;
    }
    long now = nanoTime.getAsLong();
    PooledSocket socket;
    while ((socket = sockets.pollFirst()) != null) {
      if (usable(socket, now)) {
        socket.hold();
        return socket;
      }
      socket.close();
    }
    return null;
  }

  /**
   * Opens a new socket with {@code client} (whose timeouts bound the handshake) and waits until it is
   * open.
   *
   * @param onCancel receives what cancels the socket, before the wait, so a cancelled generation does
   *     not wait for the handshake
   * @throws UpgradeRefusedException when the server refused the upgrade
   * @throws IOException when the connection failed, timed out, or was cancelled
   */
  public PooledSocket open(OkHttpClient client, Request handshake, Duration timeout, Consumer<Runnable> onCancel)
      throws IOException {
    PooledSocket socket = new PooledSocket(handshake.url().toString(), nanoTime.getAsLong());
    socket.attach(client.newWebSocket(handshake, socket));
    onCancel.accept(socket::cancel);
    socket.awaitOpen(timeout);
    return socket;
  }

  private static boolean usable(PooledSocket socket, long now) {
    return !socket.isClosed() && socket.ageNanos(now) < MAX_AGE.toNanos() && socket.idleNanos(now) < MAX_IDLE.toNanos();
  }

  /** Returns a socket whose response ended cleanly, for reuse. */
  public void release(PooledSocket socket) {
    Deque<PooledSocket> sockets = idle.computeIfAbsent(socket.url(), url -> new ConcurrentLinkedDeque<>());
    if (closed || socket.isClosed() || sockets.size() >= MAX_IDLE_SOCKETS) {
      socket.close();
      return;
    }
    socket.idle(nanoTime.getAsLong());
    sockets.addFirst(socket);
  }

  /** Drops a socket that must not be reused (failed, cancelled, or left mid-response). */
  public void discard(PooledSocket socket) {
    socket.cancel();
  }

  /** How many idle sockets the pool holds. */
  public int idleCount() {
    return idle.values().stream().mapToInt(Deque::size).sum();
  }

  /** Closes the idle sockets; sockets held by running generations close when they are released. */
  @Override
  public void close() {
    closed = true;
    for (Deque<PooledSocket> sockets : idle.values()) {
      PooledSocket socket;
      while ((socket = sockets.pollFirst()) != null) {
        socket.close();
      }
    }
  }
}
