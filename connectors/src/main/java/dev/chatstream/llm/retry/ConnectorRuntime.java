package dev.chatstream.llm.retry;

import dev.chatstream.llm.http.SharedHttpClient;
import java.util.Objects;
import java.util.concurrent.ThreadFactory;
import okhttp3.OkHttpClient;

/**
 * What connectors run on: the HTTP client, the waits between attempts and the threads generations
 * run on. {@link #defaults()} is the shared client, real-time waits and one virtual thread per
 * generation; tests substitute a recording wait.
 *
 * @param httpClient the client attempts are sent with (variants are derived from it)
 * @param retryWait how the loop waits between attempts
 * @param threads makes the thread each generation runs on
 */
public record ConnectorRuntime(OkHttpClient httpClient, RetryWait retryWait, ThreadFactory threads) {

  private static final ThreadFactory VIRTUAL = Thread.ofVirtual().name("chatstream-llm-", 0).factory();

  /** @throws NullPointerException when a part is null */
  public ConnectorRuntime {
    Objects.requireNonNull(httpClient, "http client must not be null");
    Objects.requireNonNull(retryWait, "retry wait must not be null");
    Objects.requireNonNull(threads, "thread factory must not be null");
  }

  /** The shared HTTP client, real-time waits, one virtual thread per generation. */
  public static ConnectorRuntime defaults() {
    return new ConnectorRuntime(SharedHttpClient.get(), RetryWait.realTime(), VIRTUAL);
  }

  /** A copy with another HTTP client. */
  public ConnectorRuntime withHttpClient(OkHttpClient client) {
    return new ConnectorRuntime(client, retryWait, threads);
  }

  /** A copy with another way of waiting between attempts. */
  public ConnectorRuntime withRetryWait(RetryWait wait) {
    return new ConnectorRuntime(httpClient, wait, threads);
  }
}
