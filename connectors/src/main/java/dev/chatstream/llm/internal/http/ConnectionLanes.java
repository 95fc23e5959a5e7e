package dev.chatstream.llm.internal.http;

import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import okhttp3.Call;
import okhttp3.ConnectionPool;
import okhttp3.EventListener;
import okhttp3.OkHttpClient;

/**
 * Clients that share one dispatcher but hold their connections in separate pools ("lanes").
 *
 * <p>OkHttp finds a pooled connection by walking its whole pool, and its clean-up walks it again
 * whenever a connection is released. With thousands of HTTP/1.1 streams to one host, one pool makes
 * every call cost time in proportion to the streams already open. Lanes bound that walk: a call goes
 * to the first lane with fewer than {@link #CALLS_PER_LANE} calls running, so a lightly loaded
 * process keeps reusing the connections of lane 0, and a loaded one spreads its streams over pools
 * of at most that many connections each.
 */
public final class ConnectionLanes {

  /** Calls a lane takes before the next lane is used. */
  public static final int CALLS_PER_LANE = 128;

  private final OkHttpClient[] clients;
  private final AtomicIntegerArray running;

  private ConnectionLanes(OkHttpClient[] clients, AtomicIntegerArray running) {
    this.clients = clients;
    this.running = running;
  }

  /** One lane: every call goes through {@code client} and its pool. */
  public static ConnectionLanes single(OkHttpClient client) {
    return new ConnectionLanes(new OkHttpClient[] {Objects.requireNonNull(client, "client")},
        new AtomicIntegerArray(1));
  }

  /**
   * Lanes derived from {@code base} (its dispatcher, timeouts and interceptors), enough for {@code
   * maxCalls} calls at {@link #CALLS_PER_LANE} each, every lane with a pool of its own.
   *
   * @param idlePerLane idle connections each lane's pool keeps
   * @param keepAlive how long an idle connection is kept
   */
  public static ConnectionLanes split(OkHttpClient base, int maxCalls, int idlePerLane, Duration keepAlive) {
    int count = Math.max(1, (maxCalls + CALLS_PER_LANE - 1) / CALLS_PER_LANE);
    AtomicIntegerArray running = new AtomicIntegerArray(count);
    OkHttpClient[] clients = new OkHttpClient[count];
    for (int lane = 0; lane < count; lane++) {
      int index = lane;
      clients[lane] = base.newBuilder()
          .connectionPool(new ConnectionPool(idlePerLane, keepAlive.toMillis(), TimeUnit.MILLISECONDS))
          .eventListenerFactory(call -> new RunningCalls(running, index))
          .build();
    }
    return new ConnectionLanes(clients, running);
  }

  /** How many lanes there are. */
  public int size() {
    return clients.length;
  }

  /** The client of lane {@code index}. */
  public OkHttpClient lane(int index) {
    return clients[index];
  }

  /** The lane the next call should take: the first with room, else the least busy. */
  public int pick() {
    int least = 0;
    int leastRunning = Integer.MAX_VALUE;
    for (int lane = 0; lane < clients.length; lane++) {
      int calls = running.get(lane);
      if (calls < CALLS_PER_LANE) {
        return lane;
      }
      if (calls < leastRunning) {
        least = lane;
        leastRunning = calls;
      }
    }
    return least;
  }

  /** Calls running in lane {@code index} now. */
  public int running(int index) {
    return running.get(index);
  }

  /** Counts a lane's calls from their start to their end or failure. */
  private static final class RunningCalls extends EventListener {
    private final AtomicIntegerArray running;
    private final int lane;

    RunningCalls(AtomicIntegerArray running, int lane) {
      this.running = running;
      this.lane = lane;
    }

    @Override
    public void callStart(Call call) {
      running.incrementAndGet(lane);
    }

    @Override
    public void callEnd(Call call) {
      running.decrementAndGet(lane);
    }

    @Override
    public void callFailed(Call call, IOException ioe) {
      running.decrementAndGet(lane);
    }
  }
}
