package dev.chatstream.llm.internal.http;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;

/**
 * The process-wide {@link OkHttpClient} every connector shares, and its {@link ConnectionLanes}: one
 * dispatcher, the connections spread over several pools. Connectors derive their variants with
 * {@link OkHttpClient#newBuilder()}, which keeps the lane's pool and the dispatcher.
 *
 * <p>The client has no call timeout: a stream may run for minutes. Connectors bound each attempt with
 * connect, read and write timeouts instead ({@link #withAttemptTimeout}).
 */
public final class SharedHttpClient {

  private SharedHttpClient() {}

  private static final class Holder {
    static final OkHttpClient CLIENT = create(HttpClientSettings.defaults());
    static final ConnectionLanes LANES = lanes(CLIENT, HttpClientSettings.defaults());
  }

  /** The shared client, created on first use with {@link HttpClientSettings#defaults()}. */
  public static OkHttpClient get() {
    return Holder.CLIENT;
  }

  /** The shared client's lanes, created on first use. */
  public static ConnectionLanes lanes() {
    return Holder.LANES;
  }

  /** Lanes derived from {@code base}, enough for its per-host limit, each pool sized by {@code settings}. */
  public static ConnectionLanes lanes(OkHttpClient base, HttpClientSettings settings) {
    return ConnectionLanes.split(
        base, settings.maxRequestsPerHost(), settings.maxIdleConnections(), settings.keepAlive());
  }

  /**
   * A new client with these limits. Asynchronous calls run on virtual threads. Most processes need
   * only {@link #get()}; this is for a process that sizes its own.
   */
  public static OkHttpClient create(HttpClientSettings settings) {
    ExecutorService executor = Executors.newThreadPerTaskExecutor(
        Thread.ofVirtual().name("chatstream-http-", 0).factory());
    Dispatcher dispatcher = new Dispatcher(executor);
    dispatcher.setMaxRequests(settings.maxRequests());
    dispatcher.setMaxRequestsPerHost(settings.maxRequestsPerHost());
    ConnectionPool pool = new ConnectionPool(
        settings.maxIdleConnections(), settings.keepAlive().toMillis(), TimeUnit.MILLISECONDS);
    return new OkHttpClient.Builder()
        .dispatcher(dispatcher)
        .connectionPool(pool)
        .callTimeout(Duration.ZERO)
        .retryOnConnectionFailure(false)
        .build();
  }

  /**
   * A variant of {@code base} whose connect, read and write timeouts are {@code timeout} (zero: none)
   * and which has no call timeout, so a long stream is bounded only by the gaps between its bytes.
   */
  public static OkHttpClient withAttemptTimeout(OkHttpClient base, Duration timeout) {
    return base.newBuilder()
        .connectTimeout(timeout)
        .readTimeout(timeout)
        .writeTimeout(timeout)
        .callTimeout(Duration.ZERO)
        .build();
  }
}
