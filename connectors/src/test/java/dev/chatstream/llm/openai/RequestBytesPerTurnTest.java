package dev.chatstream.llm.openai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chatstream.llm.ConnectOptions;
import dev.chatstream.llm.LlmProvider;
import dev.chatstream.llm.LlmRequest;
import dev.chatstream.llm.RecordingListener;
import dev.chatstream.llm.chat.ChatContext;
import dev.chatstream.llm.chat.ChatMessage;
import dev.chatstream.llm.chat.ChatRole;
import dev.chatstream.llm.chat.TextContent;
import dev.chatstream.llm.internal.retry.ConnectorRuntime;
import dev.chatstream.llm.state.ProviderState;
import dev.chatstream.llm.testing.RecordingRetryWait;
import dev.chatstream.llm.testing.ResponsesSocketServer;
import dev.chatstream.llm.testing.ResponsesSocketServer.Script;
import dev.chatstream.llm.testing.ResponsesWire;
import dev.chatstream.llm.testing.Transcript;
import dev.chatstream.llm.tools.FunctionTool;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Measures the request bytes each turn costs, over 50 turns of one conversation, with
 * {@code previous_response_id} and with the full input every time, on both transports: the HTTP
 * request body, and the {@code response.create} message. Counts bytes, not time. The figures go to
 * standard output and to {@code target/responses-bytes-per-turn.txt}.
 */
class RequestBytesPerTurnTest {

  private static final int TURNS = 50;
  private static final String INSTRUCTIONS = "You are a concise travel assistant. Answer in two or three sentences, "
      + "name concrete places, and say when you are unsure. Use the weather tool when a question depends on it.";

  private final ResponsesSocketServer server = new ResponsesSocketServer();

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void withPreviousResponseIdATurnCostsTheSameAtTurnFiftyAsAtTurnTwo() throws IOException {
    List<Integer> chainedHttp = conversation(ResponsesState.PREVIOUS_RESPONSE, false);
    List<Integer> fullHttp = conversation(ResponsesState.NONE, false);
    List<Integer> chainedSocket = conversation(ResponsesState.PREVIOUS_RESPONSE, true);
    List<Integer> fullSocket = conversation(ResponsesState.NONE, true);

    report(chainedHttp, fullHttp, chainedSocket, fullSocket);
    assertEquals(chainedHttp.getFirst(), fullHttp.getFirst(), "turn 1 has nothing to continue");
    assertTrue(chainedHttp.get(TURNS - 1) - chainedHttp.get(1) < 16,
        "only the turn number and response id grow: " + chainedHttp);
    assertTrue(fullHttp.get(TURNS - 1) > 20 * chainedHttp.get(TURNS - 1), "the full input grows with the turns");
    for (int turn = 1; turn < TURNS; turn++) {
      assertTrue(fullHttp.get(turn) > fullHttp.get(turn - 1), "turn " + (turn + 1) + " sends more than the one before");
    }
    assertTrue(Math.abs(chainedSocket.get(TURNS - 1) - chainedHttp.get(TURNS - 1)) < 16,
        "the same body, with a type field instead of the stream field");
    assertTrue(fullSocket.get(TURNS - 1) > 20 * chainedSocket.get(TURNS - 1));
  }

  /** Runs the conversation; the request bytes of each turn, in order. */
  private List<Integer> conversation(ResponsesState state, boolean webSocket) {
    LlmProvider provider = OpenAiResponsesProvider.create(OpenAiResponsesOptions.of("sk-bytes-test-000", "gpt-4.1")
        .withBaseUrl(server.url("/v1").toString()).withWebSocket(webSocket).withState(state),
        ConnectorRuntime.defaults().withRetryWait(new RecordingRetryWait()));
    ObjectNode parameters = (ObjectNode) ResponsesWire.read("{\"type\":\"object\",\"properties\":{\"city\":"
        + "{\"type\":\"string\",\"description\":\"City name\"}},\"required\":[\"city\"]}");
    FunctionTool weather = new FunctionTool("get_weather", "The weather in a city today", parameters);
    ChatContext context = ChatContext.of(message("sys", ChatRole.SYSTEM, INSTRUCTIONS, 0));
    ProviderState stored = null;
    int postsBefore = server.posts().size();
    List<Integer> bytes = new ArrayList<>();
    for (int turn = 1; turn <= TURNS; turn++) {
      String replyId = "reply_" + turn;
      String answer = "For turn " + turn + ", I would suggest the old town in the morning and the river walk at"
          + " sunset; both are lovely at this time of year and easy to reach on foot.";
      List<String> events = ResponsesWire.textReply("resp_" + turn, List.of(answer));
      if (webSocket) {
        server.enqueue(Script.events(events));
      } else {
        server.enqueueHttp(new MockResponse.Builder().addHeader("Content-Type", "text/event-stream")
            .body(ResponsesWire.sse(events)).build());
      }
      context.append(message("u" + turn, ChatRole.USER, "Turn " + turn + ": what else should I see in Lisbon if I"
          + " have an afternoon free and do not mind walking up a few hills?", turn));
      RecordingListener listener = new RecordingListener();
      provider.chat(LlmRequest.of("req-" + turn, context).withTools(List.of(weather)).withProviderState(stored)
          .withReplyId(replyId).withConnectOptions(ConnectOptions.defaults().withTimeout(Duration.ofSeconds(5))),
          listener);
      Transcript transcript = Transcript.of(listener);
      if (!transcript.states().isEmpty()) {
        stored = transcript.lastState();
      }
      context.append(message(replyId, ChatRole.ASSISTANT, transcript.text(), turn + 0.5));
      bytes.add(webSocket ? takeMessageBytes() : server.posts().get(postsBefore + turn - 1).getBody().size());
    }
    return bytes;
  }

  private int takeMessageBytes() {
    try {
      return server.takeMessage().getBytes(StandardCharsets.UTF_8).length;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private static void report(List<Integer> chainedHttp, List<Integer> fullHttp, List<Integer> chainedSocket,
      List<Integer> fullSocket) throws IOException {
    StringBuilder text = new StringBuilder("Request bytes per turn (one conversation, system message, one tool)\n");
    text.append(String.format(Locale.ROOT, "%-6s %18s %18s %18s %18s%n", "turn", "HTTP chained",
        "HTTP full input", "WebSocket chained", "WebSocket full"));
    for (int turn : List.of(1, 2, 10, 25, 50)) {
      text.append(String.format(Locale.ROOT, "%-6d %18d %18d %18d %18d%n", turn, chainedHttp.get(turn - 1),
          fullHttp.get(turn - 1), chainedSocket.get(turn - 1), fullSocket.get(turn - 1)));
    }
    text.append(String.format(Locale.ROOT, "total over %d turns: HTTP %d vs %d bytes, WebSocket %d vs %d bytes%n",
        TURNS, sum(chainedHttp), sum(fullHttp), sum(chainedSocket), sum(fullSocket)));
    System.out.print(text);
    Path out = Path.of("target", "responses-bytes-per-turn.txt");
    Files.createDirectories(out.getParent());
    Files.writeString(out, text);
  }

  private static long sum(List<Integer> values) {
    return values.stream().mapToLong(Integer::longValue).sum();
  }

  private static ChatMessage message(String id, ChatRole role, String text, double createdAt) {
    return new ChatMessage(id, role, List.of(new TextContent(text)), false, null, Map.of(), createdAt);
  }
}
