package dev.chatstream.pipeline.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chatstream.pipeline.ChatstreamService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A GET against a service's HTTP endpoints, for tests.
 *
 * @param status the HTTP status
 * @param contentType the answer's content type, or empty
 * @param body the body as text
 */
public record HttpGet(int status, String contentType, String body) {
  private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final ObjectMapper JSON = new ObjectMapper();

  /** {@code GET path} on {@code service}'s HTTP port. */
  public static HttpGet of(ChatstreamService service, String path) {
    return send(service, path, "GET");
  }

  /** {@code method path} on {@code service}'s HTTP port. */
  public static HttpGet send(ChatstreamService service, String path, String method) {
    int port = service.httpPort().orElseThrow(() -> new AssertionError("the service serves no HTTP"));
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .timeout(Duration.ofSeconds(15)).method(method, HttpRequest.BodyPublishers.noBody()).build();
    try {
      HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
      return new HttpGet(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
          response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** The body as JSON. */
  public JsonNode json() {
    try {
      return JSON.readTree(body);
    } catch (JsonProcessingException e) {
      throw new AssertionError("not JSON (" + status + "): " + body, e);
    }
  }
}
