package dev.chatstream.drills;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An OpenAI-compatible Chat Completions server on loopback that injects faults. Each request's last
 * user message names its case ({@code case=<id>}) and its {@link Fault} ({@code fault=<NAME>});
 * the server counts the attempts of each case, keeps the request bodies and the times they came,
 * and answers as the fault says for that attempt. Error bodies and SSE error events echo the
 * bearer token the request carried, as a careless provider might, so the secret canary drill can
 * check that chatstream masks it.
 *
 * <p>Paths: {@code /<route>/v1/chat/completions}; a route can be taken down ({@link #down}), then
 * it answers 503 to everything, for the fallback drill.
 */
final class FaultServer implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern CASE = Pattern.compile("case=(\\S+)");
  private static final Pattern FAULT = Pattern.compile("fault=(\\S+)");
  private static final Duration STALL = Duration.ofSeconds(4);
  /** The pause before each chunk of a slow route's reply. */
  static final Duration SLOW_CHUNK = Duration.ofMillis(500);
  private static final List<String> WORDS = List.of("The ", "fault ", "server ", "answers ", "in ", "full.");
  /** The text of every full reply. */
  static final String REPLY = String.join("", WORDS);

  /** One request the server received. */
  record Received(String route, String caseId, Fault fault, int attempt, long atNanos, JsonNode body) {}

  private final HttpServer server;
  private final Map<String, Integer> attempts = new ConcurrentHashMap<>();
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final Map<String, AtomicBoolean> down = new ConcurrentHashMap<>();
  private final java.util.Set<String> bearers = ConcurrentHashMap.newKeySet();
  private final java.util.Set<String> slow = ConcurrentHashMap.newKeySet();

  private FaultServer(HttpServer server) {
    this.server = server;
  }

  static FaultServer start() {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 100);
      FaultServer faults = new FaultServer(server);
      server.createContext("/", faults::handle);
      server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
      server.start();
      return faults;
    } catch (IOException e) {
      throw new UncheckedIOException("could not start the fault server", e);
    }
  }

  /** The base URL of {@code route}, as an {@code llm.<profile>.base-url}. */
  String baseUrl(String route) {
    return "http://localhost:" + server.getAddress().getPort() + "/" + route + "/v1";
  }

  /** Takes {@code route} down (503 to everything) or brings it back. */
  void down(String route, boolean isDown) {
    down.computeIfAbsent(route, r -> new AtomicBoolean()).set(isDown);
  }

  /** Every request received so far. */
  List<Received> received() {
    return List.copyOf(received);
  }

  /** Makes {@code route}'s plain replies take {@link #SLOW_CHUNK} per chunk. */
  void slow(String route, boolean isSlow) {
    if (isSlow) {
      slow.add(route);
    } else {
      slow.remove(route);
    }
  }

  /** The bearer tokens requests carried. */
  java.util.Set<String> bearers() {
    return java.util.Set.copyOf(bearers);
  }

  /** The requests of one case, in arrival order. */
  List<Received> of(String caseId) {
    return received.stream().filter(r -> r.caseId().equals(caseId)).toList();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String route = exchange.getRequestURI().getPath().split("/")[1];
      JsonNode body = JSON.readTree(exchange.getRequestBody());
      String text = lastUserText(body);
      String caseId = find(CASE, text, "none");
      Fault fault = Fault.valueOf(find(FAULT, text, Fault.NONE.name()));
      int attempt = attempts.merge(route + "|" + caseId, 1, Integer::sum);
      received.add(new Received(route, caseId, fault, attempt, System.nanoTime(), body));
      String key = bearer(exchange);
      bearers.add(key);
      if (down.getOrDefault(route, new AtomicBoolean()).get()) {
        status(exchange, 503, null, key);
        return;
      }
      if (slow.contains(route) && fault == Fault.NONE) {
        reply(exchange, text, SLOW_CHUNK);
        return;
      }
      answer(exchange, fault, attempt, key, text);
    } catch (IOException e) {
      // the client went away (a timeout or a cancel): nothing to answer
    }
  }

  private void answer(HttpExchange exchange, Fault fault, int attempt, String key, String text) throws IOException {
    switch (fault) {
      case STATUS_5XX -> status(exchange, 503, null, key);
      case STATUS_5XX_ONCE -> onceThenReply(exchange, attempt, text, () -> status(exchange, 500, null, key));
      case RATE_LIMITED_ONCE -> onceThenReply(exchange, attempt, text, () -> status(exchange, 429, "1", key));
      case STATUS_4XX -> status(exchange, 400, null, key);
      case STALL_BEFORE_HEADERS -> Pause.millis(STALL.toMillis());
      case STALL_BEFORE_HEADERS_ONCE -> onceThenReply(exchange, attempt, text, () -> Pause.millis(STALL.toMillis()));
      case STALL_AFTER_FIRST_CHUNK -> {
        OutputStream out = stream(exchange, 0);
        chunk(out, "The ");
        Pause.millis(STALL.toMillis());
      }
      case DISCONNECT_BEFORE_CHUNKS_ONCE -> onceThenReply(exchange, attempt, text, () -> cutShort(exchange, List.of()));
      case DISCONNECT_AFTER_CHUNKS -> cutShort(exchange, List.of("The ", "fault "));
      case MALFORMED_SSE -> {
        OutputStream out = stream(exchange, 0);
        out.write("data: {\"id\":\"x\",\"choices\":[{\"delta\":{\"content\":\"unclosed\n\n".getBytes(StandardCharsets.UTF_8));
        out.write("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
      }
      case ERROR_EVENT_MID_STREAM -> {
        OutputStream out = stream(exchange, 0);
        chunk(out, "The ");
        chunk(out, "fault ");
        String event = JSON.createObjectNode().set("error", JSON.createObjectNode()
            .put("message", "upstream overloaded for key " + key).put("type", "server_error").put("code", "500")).toString();
        out.write(("data: " + event + "\n\n").getBytes(StandardCharsets.UTF_8));
      }
      case NONE -> reply(exchange, text);
    }
  }

  private interface Step {
    void run() throws IOException;
  }

  private void onceThenReply(HttpExchange exchange, int attempt, String text, Step first) throws IOException {
    if (attempt == 1) {
      first.run();
    } else {
      reply(exchange, text);
    }
  }

  private static void reply(HttpExchange exchange, String text) throws IOException {
    reply(exchange, text, Duration.ZERO);
  }

  private static void reply(HttpExchange exchange, String text, Duration pause) throws IOException {
    OutputStream out = stream(exchange, 0);
    for (String word : WORDS) {
      Pause.millis(pause.toMillis());
      chunk(out, word);
    }
    out.write(("data: {\"id\":\"fault-1\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\n"
        + "data: {\"id\":\"fault-1\",\"choices\":[],\"usage\":{\"prompt_tokens\":" + text.split(" ").length
        + ",\"completion_tokens\":" + WORDS.size() + ",\"total_tokens\":" + (text.split(" ").length + WORDS.size())
        + "}}\n\ndata: [DONE]\n\n").getBytes(StandardCharsets.UTF_8));
  }

  /** A response whose declared length is never reached: the client sees the connection drop. */
  private static void cutShort(HttpExchange exchange, List<String> words) throws IOException {
    OutputStream out = stream(exchange, 1_000_000);
    for (String word : words) {
      chunk(out, word);
    }
    throw new IOException("cut short");
  }

  private static OutputStream stream(HttpExchange exchange, long length) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
    exchange.sendResponseHeaders(200, length);
    return exchange.getResponseBody();
  }

  private static void chunk(OutputStream out, String content) throws IOException {
    String data = JSON.createObjectNode().put("id", "fault-1").set("choices", JSON.createArrayNode()
        .add(JSON.createObjectNode().put("index", 0).set("delta", JSON.createObjectNode()
            .put("role", "assistant").put("content", content)))).toString();
    out.write(("data: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  private static void status(HttpExchange exchange, int status, String retryAfter, String key) throws IOException {
    byte[] body = JSON.createObjectNode().set("error", JSON.createObjectNode()
        .put("message", "status " + status + " for the request authorized by " + key)
        .put("type", status == 429 ? "rate_limit_exceeded" : "server_error")).toString().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    if (retryAfter != null) {
      exchange.getResponseHeaders().set("Retry-After", retryAfter);
    }
    exchange.sendResponseHeaders(status, body.length);
    exchange.getResponseBody().write(body);
  }

  private static String bearer(HttpExchange exchange) {
    String authorization = exchange.getRequestHeaders().getFirst("Authorization");
    return authorization == null ? "(none)" : authorization.replaceFirst("^Bearer ", "");
  }

  private static String lastUserText(JsonNode body) {
    List<String> users = new ArrayList<>();
    for (JsonNode message : body.path("messages")) {
      if ("user".equals(message.path("role").asText())) {
        JsonNode content = message.path("content");
        users.add(content.isTextual() ? content.asText() : content.toString());
      }
    }
    return users.isEmpty() ? "" : users.get(users.size() - 1);
  }

  private static String find(Pattern pattern, String text, String otherwise) {
    Matcher matcher = pattern.matcher(text);
    return matcher.find() ? matcher.group(1) : otherwise;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
