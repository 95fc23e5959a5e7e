package dev.chatstream.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chatstream.llm.ConnectOptions;
import dev.chatstream.llm.LlmError;
import dev.chatstream.llm.LlmMetrics;
import dev.chatstream.llm.LlmProvider;
import dev.chatstream.llm.LlmRequest;
import dev.chatstream.llm.LlmStream;
import dev.chatstream.llm.RecordingListener;
import dev.chatstream.llm.chat.ChatContext;
import dev.chatstream.llm.chat.ChatMessage;
import dev.chatstream.llm.chat.ChatRole;
import dev.chatstream.llm.openai.OpenAiChatOptions;
import dev.chatstream.llm.openai.OpenAiChatProvider;
import dev.chatstream.llm.stream.ChatChunk;
import dev.chatstream.llm.testing.Fixtures;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SimulatedOpenAiServerTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String FIXTURE = "openai/chat-text-usage.sse";

  @Test
  void openAiConnectorReadsEveryTokenTheUsageAndTheEnd() throws IOException {
    try (SimulatedOpenAiServer server = SimulatedOpenAiServer.start(ServerBehaviour.of(0, 0, 25, 0))) {
      RecordingListener listener = new RecordingListener();
      provider(server).chat(request("r1", 0), listener);

      assertEquals(CompletionChunks.text(25), listener.takeText());
      ChatChunk usage = listener.takeChunk();
      assertNull(usage.delta());
      assertEquals(25, usage.usage().completionTokens());
      assertEquals(usage.usage().promptTokens() + 25, usage.usage().totalTokens());
      LlmMetrics metrics = listener.takeComplete();
      assertFalse(metrics.cancelled());
      assertEquals(25, metrics.completionTokens());
      listener.assertExhausted();
      assertEquals(1, server.completedStreams());
      assertEquals(25, server.tokensSent());
    }
  }

  @Test
  void eventsHaveTheShapeOfTheRecordedOpenAiStream() throws Exception {
    try (SimulatedOpenAiServer server = SimulatedOpenAiServer.start(ServerBehaviour.of(0, 0, 3, 0))) {
      HttpResponse<String> response = post(server, "/chat/completions");

      assertEquals(200, response.statusCode());
      assertEquals("text/event-stream; charset=utf-8", response.headers().firstValue("Content-Type").orElseThrow());
      List<String> ours = dataLines(response.body());
      List<String> recorded = dataLines(Fixtures.text(FIXTURE));
      assertEquals(3 + 4, ours.size(), "role delta, 3 content deltas, finish, usage, [DONE]");
      assertEquals(shape(recorded.get(0)), shape(ours.get(0)), "role delta");
      for (int k = 1; k <= 3; k++) {
        assertEquals(shape(recorded.get(1)), shape(ours.get(k)), "content delta " + k);
      }
      assertEquals(shape(recorded.get(recorded.size() - 3)), shape(ours.get(4)), "finish chunk");
      assertEquals(shape(recorded.get(recorded.size() - 2)), shape(ours.get(5)), "usage chunk");
      assertEquals("[DONE]", ours.get(6));
      assertTrue(response.body().endsWith("data: [DONE]\n\n"));
    }
  }

  @Test
  void failureRateAnswersThatShareOfRequestsWithStatus500() throws IOException {
    try (SimulatedOpenAiServer server = SimulatedOpenAiServer.start(ServerBehaviour.of(0, 0, 2, 0.5))) {
      RecordingListener first = new RecordingListener();
      provider(server).chat(request("r1", 0), first);
      assertEquals(CompletionChunks.text(2), first.takeText());
      first.takeChunk();
      first.takeComplete();

      RecordingListener second = new RecordingListener();
      provider(server).chat(request("r2", 0), second);
      LlmError error = second.takeError();
      assertEquals(500, error.status());
      assertFalse(error.recoverable());
      second.assertExhausted();
      assertEquals(2, server.requests());
      assertEquals(1, server.failures());
    }
  }

  @Test
  void firstTokenWaitsTheTimeToFirstTokenAndTheRestTheTokenDelay() throws IOException {
    try (SimulatedOpenAiServer server = SimulatedOpenAiServer.start(ServerBehaviour.of(150, 40, 4, 0))) {
      List<Long> arrivals = new ArrayList<>();
      RecordingListener listener = new RecordingListener().onEachChunk(chunk -> arrivals.add(System.nanoTime()));
      long start = System.nanoTime();
      provider(server).chat(request("r1", 0), listener);
      listener.awaitTerminal();

      assertEquals(5, arrivals.size(), "4 content chunks and the usage chunk");
      for (int k = 0; k < 4; k++) {
        long due = Duration.ofMillis(150 + 40L * k).toNanos();
        assertTrue(arrivals.get(k) - start >= due, "token " + k + " is not sent before its time, 150 + " + k + " × 40 ms");
      }
    }
  }

  @Test
  void aCancelledGenerationEndsItsStreamOnTheServer() throws Exception {
    try (SimulatedOpenAiServer server = SimulatedOpenAiServer.start(ServerBehaviour.of(0, 20, 1_000, 0))) {
      RecordingListener listener = new RecordingListener();
      LlmStream stream = provider(server).chat(request("r1", 3), listener);
      listener.takeChunk();
      stream.cancel();
      listener.awaitTerminal();

      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (server.abortedStreams() == 0 && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      assertEquals(1, server.abortedStreams());
      assertEquals(0, server.openStreams());
      assertEquals(0, server.completedStreams());
    }
  }

  @Test
  void answersOnlyPostsToChatCompletions() throws Exception {
    try (SimulatedOpenAiServer server = SimulatedOpenAiServer.start(ServerBehaviour.of(0, 0, 1, 0))) {
      assertEquals(404, post(server, "/chat/completions/other").statusCode());
      HttpResponse<String> get = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create(server.baseUrl() + "/chat/completions")).GET().build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(404, get.statusCode());
      assertEquals(0, server.requests());
    }
  }

  private static LlmProvider provider(SimulatedOpenAiServer server) {
    return OpenAiChatProvider.create(OpenAiChatOptions.compatible(server.baseUrl(), SimulatedOpenAiServer.MODEL));
  }

  private static LlmRequest request(String id, int maxRetry) {
    return LlmRequest.of(id, ChatContext.of(ChatMessage.of(ChatRole.USER, "Hello")))
        .withConnectOptions(ConnectOptions.defaults().withMaxRetry(maxRetry));
  }

  private static HttpResponse<String> post(SimulatedOpenAiServer server, String path) throws Exception {
    return HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
            .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"m\",\"stream\":true,\"messages\":[]}"))
            .header("Content-Type", "application/json")
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** The data of every event of an SSE body, in order. */
  private static List<String> dataLines(String body) {
    return Arrays.stream(body.split("\n\n"))
        .filter(event -> !event.isBlank())
        .map(event -> {
          assertTrue(event.startsWith("data: "), "one data line per event: " + event);
          return event.substring("data: ".length());
        })
        .toList();
  }

  /** The JSON's field names, nesting and value types, with the values themselves left out. */
  private static JsonNode shape(String json) throws IOException {
    return shapeOf(JSON.readTree(json));
  }

  private static JsonNode shapeOf(JsonNode node) {
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    if (node.isObject()) {
      ObjectNode shape = nodes.objectNode();
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        shape.set(field.getKey(), shapeOf(field.getValue()));
      }
      return shape;
    }
    if (node.isArray()) {
      var shape = nodes.arrayNode();
      node.forEach(element -> shape.add(shapeOf(element)));
      return shape;
    }
    return nodes.textNode(node.getNodeType().name());
  }
}
