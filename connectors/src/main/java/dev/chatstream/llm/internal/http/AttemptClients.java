package dev.chatstream.llm.internal.http;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import okhttp3.OkHttpClient;

/**
 * Variants of the clients of some {@link ConnectionLanes} per attempt timeout ({@link
 * SharedHttpClient#withAttemptTimeout}), kept for reuse. A variant keeps its lane's connection pool
 * and the shared dispatcher.
 */
public final class AttemptClients {

  /** Distinct timeouts kept; rarer ones get fresh variants each time. */
  private static final int MAX_KEPT = 32;

  private final ConnectionLanes lanes;
  private final ConcurrentMap<Duration, OkHttpClient[]> variants = new ConcurrentHashMap<>();

  /** Variants of the clients of {@code lanes}. */
  public AttemptClients(ConnectionLanes lanes) {
    this.lanes = lanes;
  }

  /**
   * The client for the next call, whose connect, read and write timeouts are {@code timeout}, with no
   * call timeout; its lane is {@link ConnectionLanes#pick() picked} now.
   */
  public OkHttpClient forTimeout(Duration timeout) {
    int lane = lanes.pick();
    OkHttpClient[] kept = variants.get(timeout);
    if (kept == null) {
      if (variants.size() >= MAX_KEPT) {
        return SharedHttpClient.withAttemptTimeout(lanes.lane(lane), timeout);
      }
      kept = variants.computeIfAbsent(timeout, key -> new OkHttpClient[lanes.size()]);
    }
    OkHttpClient client = kept[lane];
    if (client == null) {
      client = SharedHttpClient.withAttemptTimeout(lanes.lane(lane), timeout);
      kept[lane] = client;
    }
    return client;
  }
}
