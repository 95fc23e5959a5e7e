package dev.chatstream.pipeline.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okio.Buffer;

/**
 * A provider endpoint on loopback that answers each request with the next recorded response body, byte
 * for byte, in the provider's own framing (server-sent events, an AWS event stream); requests are kept to
 * assert what the connector sent.
 */
public final class ReplayServer implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final MockWebServer server = new MockWebServer();

  private ReplayServer() {}

  /** A started server with nothing scripted. */
  public static ReplayServer start() {
    ReplayServer replay = new ReplayServer();
    try {
      replay.server.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return replay;
  }

  /** Answers the next request not yet answered with {@code body}, as {@code contentType}. */
  public ReplayServer then(String contentType, byte[] body) {
    server.enqueue(new MockResponse.Builder().addHeader("Content-Type", contentType).body(new Buffer().write(body))
        .build());
    return this;
  }

  /** The URL of {@code path} on this server. */
  public String url(String path) {
    return server.url(path).toString();
  }

  /**
   * The next request received, in arrival order, waiting up to 10 s.
   *
   * @throws AssertionError when none arrives
   */
  public RecordedRequest takeRequest() {
    try {
      RecordedRequest request = server.takeRequest(10, TimeUnit.SECONDS);
      if (request == null) {
        throw new AssertionError("the provider server received no request");
      }
      return request;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** The JSON body of {@code request}. */
  public static JsonNode body(RecordedRequest request) {
    try {
      return JSON.readTree(request.getBody() == null ? "" : request.getBody().utf8());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Requests received so far. */
  public int requestCount() {
    return server.getRequestCount();
  }

  @Override
  public void close() {
    server.close();
  }
}
