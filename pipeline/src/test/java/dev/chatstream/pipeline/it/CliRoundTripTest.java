package dev.chatstream.pipeline.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chatstream.events.ReplyCompleted;
import dev.chatstream.pipeline.ChatstreamRuntime;
import dev.chatstream.pipeline.cli.Main;
import dev.chatstream.pipeline.config.ChatstreamConfig;
import dev.chatstream.pipeline.testing.BrokerExtension;
import dev.chatstream.pipeline.testing.OutputLog;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code chatstream produce}, {@code chatstream consume} and {@code chatstream show} against a runtime on a
 * real broker: JSON lines in, events out as JSON lines, the conversation as the service holds it, with
 * the offline provider answering.
 */
@Timeout(60)
class CliRoundTripTest {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PREFIX = "it.cli.";

  @RegisterExtension
  static final BrokerExtension broker = new BrokerExtension();

  /** What one command printed, and its exit status. */
  private record Run(int status, String out, String err) {}

  @Test
  void producedLinesComeBackFromConsumeAsJsonLines() throws IOException {
    ChatstreamConfig config = ChatstreamConfig.of(Map.of(
        ChatstreamConfig.BOOTSTRAP_SERVERS_CONFIG, broker.kafka().bootstrapServers(),
        ChatstreamConfig.APPLICATION_ID_CONFIG, "it-cli",
        ChatstreamConfig.TOPIC_PREFIX_CONFIG, PREFIX,
        ChatstreamConfig.TOPIC_PARTITIONS_CONFIG, "2",
        ChatstreamConfig.COMMIT_INTERVAL_MS_CONFIG, "100",
        ChatstreamConfig.STATE_DIR_CONFIG, broker.dir().resolve("state").toString(),
        ChatstreamConfig.HTTP_PORT_CONFIG, "0",
        "llm.default.provider", "offline",
        "llm.default.ttft-ms", "5",
        "llm.default.token-delay-ms", "2"));
    Path lines = broker.dir().resolve("conversation.jsonl");
    Files.writeString(lines, """
        {"type":"message","conversation_id":"cli","role":"user","content":["hello from the command line"]}
        {"type":"sing","conversation_id":"cli"}
        {"type":"generate_reply","conversation_id":"cli","request_id":"cli-r1","metadata":{"via":"cli"}}
        """);
    try (ChatstreamRuntime runtime = ChatstreamRuntime.start(config); OutputLog out = OutputLog.of(runtime.config())) {
      runtime.awaitRunning(WAIT);
      assertFalse(runtime.embeddedBroker());

      Run produce = run("produce", lines.toString(), "--bootstrap-servers", broker.kafka().bootstrapServers(),
          "--set", "topic.prefix=" + PREFIX, "--set", "llm.default.provider=offline");
      assertEquals(2, produce.status(), "an invalid line makes the exit status 2");
      assertTrue(produce.err().contains("chatstream: line 2: unknown type 'sing'"), produce.err());
      assertTrue(produce.err().contains("chatstream: sent 2 events to " + PREFIX + "conversations, skipped 1 invalid line"),
          produce.err());
      assertEquals("", produce.out());

      ReplyCompleted answer = out.awaitEvent(ReplyCompleted.class, r -> r.getRequestId().equals("cli-r1"), WAIT, "the reply");
      int chunks = out.awaitChunksOf(answer, WAIT).size();
      Run consume = run("consume", "--from-beginning", "--max-messages", Integer.toString(chunks + 1),
          "--topic", "replies,chunks", "--timeout", "PT20S", "--bootstrap-servers", broker.kafka().bootstrapServers(),
          "--set", "topic.prefix=" + PREFIX, "--set", "llm.default.provider=offline");
      assertEquals(0, consume.status(), consume.err());

      List<JsonNode> chunkLines = new ArrayList<>();
      List<JsonNode> replyLines = new ArrayList<>();
      for (String line : consume.out().split("\n")) {
        JsonNode json = JSON.readTree(line);
        assertEquals("cli", json.get("key").asText());
        assertEquals("cli", json.get("conversation_id").asText());
        assertEquals("cli-r1", json.get("request_id").asText());
        assertEquals(1, json.get("attempt").asInt());
        assertEquals("cli", json.at("/request_metadata/via").asText());
        switch (json.get("topic").asText()) {
          case PREFIX + "chunks" -> chunkLines.add(json);
          case PREFIX + "replies" -> replyLines.add(json);
          default -> throw new AssertionError("unexpected topic in " + line);
        }
      }
      assertEquals(chunks, chunkLines.size());
      assertEquals(1, replyLines.size());
      StringBuilder streamed = new StringBuilder();
      long previous = -1;
      for (JsonNode chunk : chunkLines) {
        assertEquals("ChatChunk", chunk.get("type").asText());
        assertTrue(chunk.get("sequence").asLong() > previous, "sequences rise: " + chunk);
        previous = chunk.get("sequence").asLong();
        streamed.append(chunk.at("/delta/content").asText(""));
      }
      JsonNode reply = replyLines.get(0);
      assertEquals("ReplyCompleted", reply.get("type").asText());
      assertEquals("stop", reply.get("finish_reason").asText());
      assertFalse(reply.get("cancelled").asBoolean());
      assertEquals("[offline provider] You said: hello from the command line", reply.at("/message/content/0/text").asText());
      assertEquals(streamed.toString(), reply.at("/message/content/0/text").asText());

      String url = "http://localhost:" + runtime.service().httpPort().orElseThrow();
      Run show = run("show", "cli", "--url", url);
      assertEquals(0, show.status(), show.err());
      JsonNode shown = JSON.readTree(show.out());
      assertEquals("cli", shown.get("conversation_id").asText());
      assertEquals("hello from the command line", shown.at("/context/items/0/content/0").asText());
      assertEquals(reply.at("/message/content/0/text").asText(), shown.at("/context/items/1/content/0").asText());
      assertTrue(shown.get("generations").isEmpty());

      Run unknown = run("show", "nobody", "--url", url);
      assertEquals(1, unknown.status());
      assertTrue(unknown.err().contains("unknown conversation 'nobody'"), unknown.err());
      assertTrue(unknown.out().isEmpty());
      Run nothing = run("show", "cli", "--url", "http://localhost:1");
      assertEquals(2, nothing.status());
      assertTrue(nothing.err().contains("no chatstream instance answered"), nothing.err());
    }
  }

  private static Run run(String... args) {
    PrintStream stdout = System.out;
    PrintStream stderr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      int status = Main.commandLine().execute(args);
      return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(stdout);
      System.setErr(stderr);
    }
  }
}
