package dev.chatstream.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * An OpenAI-compatible Chat Completions server on the loopback interface, for load tests: every
 * {@code POST /v1/chat/completions} is answered with a {@code text/event-stream} reply paced by a
 * {@link ServerBehaviour} (or with HTTP 500 for the configured fraction of requests). Requests run on
 * virtual threads that sleep between tokens, so ten thousand open streams cost ten thousand parked
 * virtual threads and their sockets.
 *
 * <p>The JDK server keeps Nagle's algorithm on and closes keep-alive connections past 200 idle ones
 * unless told otherwise; both would distort measurements (a reused connection closed under the client
 * fails its next request), so {@link #start} sets {@code sun.net.httpserver.nodelay} and
 * {@code sun.net.httpserver.maxIdleConnections} unless they are set already. They take effect for the
 * first JDK HTTP server of the process.
 */
public final class SimulatedOpenAiServer implements LlmServer {
  /** The model every reply names. */
  public static final String MODEL = "chatstream-bench";

  private static final String PATH = "/v1/chat/completions";
  private static final int BACKLOG = 16_384;
  private static final byte[] ERROR_BODY = ("{\"error\":{\"message\":\"The simulated server failed this request.\","
      + "\"type\":\"server_error\",\"param\":null,\"code\":null}}").getBytes(StandardCharsets.UTF_8);

  private final HttpServer server;
  private final ExecutorService executor;
  private final AtomicLong requestNumbers = new AtomicLong();
  private final AtomicInteger openStreams = new AtomicInteger();
  private final LongAdder failures = new LongAdder();
  private final LongAdder completed = new LongAdder();
  private final LongAdder aborted = new LongAdder();
  private final LongAdder tokensSent = new LongAdder();
  private volatile ServerBehaviour behaviour;

  private SimulatedOpenAiServer(HttpServer server, ExecutorService executor, ServerBehaviour behaviour) {
    this.server = server;
    this.executor = executor;
    this.behaviour = behaviour;
  }

  /**
   * Starts a server on a free loopback port.
   *
   * @throws IOException when no socket can be bound
   */
  public static SimulatedOpenAiServer start(ServerBehaviour behaviour) throws IOException {
    Objects.requireNonNull(behaviour, "behaviour");
    setIfAbsent("sun.net.httpserver.nodelay", "true");
    setIfAbsent("sun.net.httpserver.maxIdleConnections", "1000000");
    HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), BACKLOG);
    ExecutorService executor = Executors.newThreadPerTaskExecutor(
        Thread.ofVirtual().name("bench-llm-server-", 0).factory());
    SimulatedOpenAiServer simulated = new SimulatedOpenAiServer(http, executor, behaviour);
    http.setExecutor(executor);
    http.createContext(PATH, simulated::handle);
    http.start();
    return simulated;
  }

  @Override
  public String baseUrl() {
    InetSocketAddress address = server.getAddress();
    return "http://" + address.getAddress().getHostAddress() + ":" + address.getPort() + "/v1";
  }

  @Override
  public void behave(ServerBehaviour next) {
    this.behaviour = Objects.requireNonNull(next, "behaviour");
  }

  /** How requests are answered now. */
  public ServerBehaviour behaviour() {
    return behaviour;
  }

  @Override
  public int openStreams() {
    return openStreams.get();
  }

  @Override
  public boolean awaitIdle(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (openStreams.get() > 0) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return true;
  }

  @Override
  public boolean inThisProcess() {
    return true;
  }

  /** -1: the server's CPU is part of this process's. */
  @Override
  public long cpuNanos() {
    return -1;
  }

  /** Requests received so far. */
  public long requests() {
    return requestNumbers.get();
  }

  /** Requests answered with HTTP 500 so far. */
  public long failures() {
    return failures.sum();
  }

  /** Replies streamed to their end so far. */
  public long completedStreams() {
    return completed.sum();
  }

  /** Replies the client closed before their end (a cancelled generation) so far. */
  public long abortedStreams() {
    return aborted.sum();
  }

  /** Content chunks written so far. */
  public long tokensSent() {
    return tokensSent.sum();
  }

  /** Stops listening and ends every open stream. */
  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try {
      if (!"POST".equals(exchange.getRequestMethod()) || !PATH.equals(exchange.getRequestURI().getPath())) {
        exchange.sendResponseHeaders(404, -1);
        return;
      }
      byte[] request = exchange.getRequestBody().readAllBytes();
      long number = requestNumbers.getAndIncrement();
      ServerBehaviour pace = behaviour;
      if (pace.fails(number)) {
        failures.increment();
        fail(exchange);
        return;
      }
      openStreams.incrementAndGet();
      try {
        stream(exchange, pace, number, Math.max(1, request.length / 4));
        completed.increment();
      } catch (IOException e) {
        aborted.increment();
      } finally {
        openStreams.decrementAndGet();
      }
    } finally {
      exchange.close();
    }
  }

  private static void fail(HttpExchange exchange) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(500, ERROR_BODY.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(ERROR_BODY);
    }
  }

  private void stream(HttpExchange exchange, ServerBehaviour pace, long number, int promptTokens) throws IOException {
    long start = System.nanoTime();
    exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
    exchange.getResponseHeaders().set("Cache-Control", "no-cache");
    exchange.getResponseHeaders().set("x-request-id", "req_bench_" + number);
    exchange.sendResponseHeaders(200, 0);
    CompletionChunks chunks = new CompletionChunks("chatcmpl-bench" + number, System.currentTimeMillis() / 1000, MODEL);
    long firstDue = start + pace.timeToFirstToken().toNanos();
    long gap = pace.tokenDelay().toNanos();
    try (OutputStream out = exchange.getResponseBody()) {
      for (int k = 0; k < pace.tokens(); k++) {
        awaitDue(firstDue + k * gap, out);
        if (k == 0) {
          out.write(chunks.roleDelta());
          out.write(chunks.content(k));
          out.flush();
        } else {
          out.write(chunks.content(k));
        }
        tokensSent.increment();
      }
      out.write(chunks.finish());
      out.write(chunks.usage(promptTokens, pace.tokens()));
      out.write(CompletionChunks.DONE);
    }
  }

  /** Sends what is written so far and sleeps until {@code dueNanos}; returns at once when it is past. */
  private static void awaitDue(long dueNanos, OutputStream out) throws IOException {
    long wait = dueNanos - System.nanoTime();
    if (wait <= 0) {
      return;
    }
    out.flush();
    try {
      Thread.sleep(Duration.ofNanos(wait));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("the server is stopping", e);
    }
  }

  private static void setIfAbsent(String property, String value) {
    if (System.getProperty(property) == null) {
      System.setProperty(property, value);
    }
  }
}
