package dev.chatstream.llm.http;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import okhttp3.OkHttpClient;

/**
 * Variants of one client per attempt timeout ({@link SharedHttpClient#withAttemptTimeout}), kept for
 * reuse. All of them share the base client's connection pool and dispatcher.
 */
public final class AttemptClients {

  /** Distinct timeouts kept; rarer ones get a fresh variant each time. */
  private static final int MAX_KEPT = 32;

  private final OkHttpClient base;
  private final ConcurrentMap<Duration, OkHttpClient> variants = new ConcurrentHashMap<>();

  /** Variants of {@code base}. */
  public AttemptClients(OkHttpClient base) {
    this.base = base;
  }

  /** The client whose connect, read and write timeouts are {@code timeout}, with no call timeout. */
  public OkHttpClient forTimeout(Duration timeout) {
    OkHttpClient client = variants.get(timeout);
    if (client != null) {
      return client;
    }
    client = SharedHttpClient.withAttemptTimeout(base, timeout);
    if (variants.size() < MAX_KEPT) {
      OkHttpClient kept = variants.putIfAbsent(timeout, client);
      return kept != null ? kept : client;
    }
    return client;
  }
}
