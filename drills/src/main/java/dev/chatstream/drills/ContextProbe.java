package dev.chatstream.drills;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a conversation's context from a running instance's {@code /conversations/{id}} (the
 * instance forwards to the owner), as the items' ids and texts in order.
 */
final class ContextProbe {
  /** One item of a context: its id, type and (for messages) text. */
  record Item(String id, String type, String role, String text) {}

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final int port;

  ContextProbe(int port) {
    this.port = port;
  }

  /**
   * The context of {@code conversationId}; retried while the stores move or restore (503, 502).
   *
   * @throws IllegalStateException when no answer comes within a minute
   */
  List<Item> context(String conversationId) {
    URI uri = URI.create("http://localhost:" + port + "/conversations/"
        + URLEncoder.encode(conversationId, StandardCharsets.UTF_8));
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    String last = "";
    while (System.nanoTime() < deadline) {
      try {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
            HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200) {
          return items(JSON.readTree(response.body()).path("context").path("items"));
        }
        if (response.statusCode() == 404) {
          return List.of();
        }
        last = response.statusCode() + " " + response.body();
      } catch (IOException e) {
        last = e.toString();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
      Pause.millis(500);
    }
    throw new IllegalStateException("no context of " + conversationId + " from port " + port + ": " + last);
  }

  private static List<Item> items(JsonNode items) {
    List<Item> context = new ArrayList<>();
    for (JsonNode item : items) {
      List<String> texts = new ArrayList<>();
      for (JsonNode part : item.path("content")) {
        if (part.isTextual()) {
          texts.add(part.asText());
        }
      }
      context.add(new Item(item.path("id").asText(), item.path("type").asText(), item.path("role").asText(null),
          String.join("\n", texts)));
    }
    return context;
  }
}
