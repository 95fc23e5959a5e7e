package dev.chatstream.llm.internal.retry;

import dev.chatstream.llm.internal.http.ConnectionLanes;
import dev.chatstream.llm.internal.http.SharedHttpClient;
import java.util.Objects;
import java.util.concurrent.ThreadFactory;
import okhttp3.OkHttpClient;

/**
 * What connectors run on: the HTTP clients, the waits between attempts and the threads generations
 * run on. {@link #defaults()} is the shared client's lanes, real-time waits and one virtual thread
 * per generation; tests substitute a recording wait.
 *
 * @param http the clients attempts are sent with (variants are derived from them)
 * @param retryWait how the loop waits between attempts
 * @param threads makes the thread each generation runs on
 */
public record ConnectorRuntime(ConnectionLanes http, RetryWait retryWait, ThreadFactory threads) {

  private static final ThreadFactory VIRTUAL = Thread.ofVirtual().name("chatstream-llm-", 0).factory();

  /** @throws NullPointerException when a part is null */
  public ConnectorRuntime {
    Objects.requireNonNull(http, "http clients must not be null");
    Objects.requireNonNull(retryWait, "retry wait must not be null");
    Objects.requireNonNull(threads, "thread factory must not be null");
  }

  /** The shared HTTP client's lanes, real-time waits, one virtual thread per generation. */
  public static ConnectorRuntime defaults() {
    return new ConnectorRuntime(SharedHttpClient.lanes(), RetryWait.realTime(), VIRTUAL);
  }

  /** A copy that sends every attempt through {@code client} (one lane). */
  public ConnectorRuntime withHttpClient(OkHttpClient client) {
    return new ConnectorRuntime(ConnectionLanes.single(client), retryWait, threads);
  }

  /** A copy with another way of waiting between attempts. */
  public ConnectorRuntime withRetryWait(RetryWait wait) {
    return new ConnectorRuntime(http, wait, threads);
  }
}
