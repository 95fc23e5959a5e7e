package dev.chatstream.pipeline.internals.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.chatstream.pipeline.internals.metrics.ServiceMeters;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.kafka.streams.KafkaStreams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service's HTTP endpoints on the JDK's server, one virtual thread per exchange. Bound first, so
 * that the port (any free one when configured as 0) can be published as Kafka Streams'
 * {@code application.server}; then {@link #serve} starts answering for the running streams:
 *
 * <ul>
 *   <li>{@code GET /metrics}: every meter in the Prometheus text format (404 when metrics are off);
 *   <li>{@code GET /health/live}, {@code GET /health/ready}: the probes, 200 or 503 with a JSON body;
 *   <li>{@code GET /conversations/{id}}: the conversation as its owner's stores hold it.
 * </ul>
 *
 * Anything else is a 404 or 405 with a JSON error; an unexpected failure is a 500 with a JSON error,
 * logged here and never sent.
 */
public final class OperationsServer implements AutoCloseable {
  /** The path prefix of conversation queries. */
  static final String CONVERSATIONS = "/conversations/";

  private static final Logger LOG = LoggerFactory.getLogger(OperationsServer.class);
  private static final String PROMETHEUS_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private final HttpServer server;
  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
  private volatile Routes routes;

  private record Routes(ServiceMeters meters, HealthEndpoints health, ConversationQueries conversations,
      BrokerProbe broker) {}

  private OperationsServer(HttpServer server) {
    this.server = server;
  }

  /**
   * Binds {@code host:port} (0: any free port); nothing is answered until {@link #serve}.
   *
   * @throws UncheckedIOException naming the address when it cannot be bound
   */
  public static OperationsServer bind(String host, int port) {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 0);
      return new OperationsServer(server);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen for HTTP on " + host + ":" + port + ": " + e.getMessage(), e);
    }
  }

  /** The port bound. */
  public int port() {
    return server.getAddress().getPort();
  }

  /**
   * Starts answering for {@code streams}, whose {@code application.server} is {@code self}.
   *
   * @param meters what {@code /metrics} shows
   * @param clientProperties how the readiness probe reaches the cluster
   * @param queries how conversations are read
   */
  public void serve(KafkaStreams streams, ServiceMeters meters, Properties clientProperties, ConversationQueries queries) {
    BrokerProbe broker = new BrokerProbe(clientProperties);
    routes = new Routes(meters, new HealthEndpoints(streams, broker), queries, broker);
    server.createContext("/", this::handle);
    server.setExecutor(executor);
    server.start();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.close();
    Routes served = routes;
    if (served != null) {
      served.conversations().close();
      served.broker().close();
    }
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      HttpAnswer answer;
      try {
        answer = route(exchange);
      } catch (RuntimeException e) {
        LOG.error("HTTP {} {} failed", exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(), e);
        answer = HttpAnswer.error(500, "internal error");
      }
      exchange.getResponseHeaders().set("Content-Type", answer.contentType());
      exchange.getResponseHeaders().set("Cache-Control", "no-store");
      exchange.sendResponseHeaders(answer.status(), answer.body().length == 0 ? -1 : answer.body().length);
      if (answer.body().length > 0) {
        try (OutputStream body = exchange.getResponseBody()) {
          body.write(answer.body());
        }
      }
    }
  }

  private HttpAnswer route(HttpExchange exchange) {
    String path = exchange.getRequestURI().getRawPath();
    Optional<HttpAnswer> wrongMethod = "GET".equals(exchange.getRequestMethod()) ? Optional.empty()
        : Optional.of(HttpAnswer.error(405, "only GET is served"));
    Routes served = routes;
    if (path.equals("/metrics")) {
      return wrongMethod.orElseGet(() -> served.meters().scrape()
          .map(text -> new HttpAnswer(200, PROMETHEUS_TYPE, text.getBytes(StandardCharsets.UTF_8)))
          .orElseGet(() -> HttpAnswer.error(404, "metrics are off (metrics.enabled=false)")));
    }
    if (path.equals("/health/live")) {
      return wrongMethod.orElseGet(() -> served.health().live());
    }
    if (path.equals("/health/ready")) {
      return wrongMethod.orElseGet(() -> served.health().ready());
    }
    if (path.startsWith(CONVERSATIONS)) {
      return wrongMethod.orElseGet(() -> conversation(exchange, path.substring(CONVERSATIONS.length())));
    }
    return HttpAnswer.error(404, "no such endpoint: " + path + " (try /metrics, /health/live, /health/ready, "
        + "/conversations/{id})");
  }

  private HttpAnswer conversation(HttpExchange exchange, String rawId) {
    // the server has parsed the URI, so its escapes are well formed; '+' is a plus in a path
    String id = URLDecoder.decode(rawId.replace("+", "%2B"), StandardCharsets.UTF_8);
    if (id.isEmpty() || rawId.contains("/")) {
      return HttpAnswer.error(400, "expected /conversations/{id}, with the id percent-encoded");
    }
    boolean forwarded = exchange.getRequestHeaders().containsKey(ConversationQueries.FORWARDED_HEADER);
    return routes.conversations().answer(id, forwarded);
  }
}
