package dev.chatstream.pipeline.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chatstream.llm.internal.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code chatstream show ID}: a conversation as a running instance's stores hold it. */
@Command(name = "show", mixinStandardHelpOptions = true,
    description = {"Print a conversation as the service holds it: its context (ChatContext to_dict JSON), its "
        + "header, its queued and running generations, and which instance owns it.",
        "Asks GET /conversations/ID of any running instance, which answers for the instance that owns the "
            + "conversation. Exit status 1 when the conversation is unknown, 2 when the service cannot answer."})
final class ShowCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = Json.mapper();

  @Mixin
  ConfigOptions options;

  @Parameters(paramLabel = "ID", description = "The conversation id.")
  String conversationId;

  @Option(names = "--url", paramLabel = "URL",
      description = "An instance's HTTP endpoints (default http://localhost:<http.port>).")
  String url;

  @Override
  public Integer call() throws InterruptedException {
    String base = url != null ? url : "http://localhost:" + options.load(Map.of()).httpPort();
    URI uri = URI.create(base.replaceAll("/+$", "") + "/conversations/"
        + URLEncoder.encode(conversationId, StandardCharsets.UTF_8).replace("+", "%20"));
    HttpResponse<String> response;
    try (HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
      response = client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20)).GET().build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      Console.status("no chatstream instance answered at " + base + " (" + e.getClass().getSimpleName()
          + "); start one with `./chatstream run`, or name one with --url");
      return 2;
    }
    JsonNode body;
    try {
      body = JSON.readTree(response.body());
    } catch (JsonProcessingException e) {
      Console.status(base + " answered " + response.statusCode() + " without JSON");
      return 2;
    }
    if (response.statusCode() == 200) {
      try {
        System.out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(body));
      } catch (JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
      return 0;
    }
    Console.status(body.path("error").asText("HTTP " + response.statusCode()));
    return response.statusCode() == 404 ? 1 : 2;
  }
}
