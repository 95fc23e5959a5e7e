package dev.chatstream.pipeline.cli;

import dev.chatstream.events.ReplyCompleted;
import dev.chatstream.pipeline.ChatstreamRuntime;
import dev.chatstream.pipeline.config.ChatstreamConfig;
import dev.chatstream.pipeline.internals.json.InputEventLines;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code chatstream demo}: one command on a fresh machine. Starts an embedded broker (a free port, a
 * temporary directory), the pipeline and the offline provider, and plays a scripted conversation with
 * a tool round trip through Kafka.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = "Run a scripted conversation with a tool round trip through an embedded Kafka broker, "
        + "the pipeline and the offline provider (no network, no key). Prints the streamed reply, the "
        + "function call, the completed reply and the metrics.")
final class DemoCommand implements Callable<Integer> {
  private static final Duration REPLY_TIMEOUT = Duration.ofSeconds(60);
  private static final String WEATHER_TOOL = "{\"name\":\"get_weather\",\"description\":\"Current weather in a city\","
      + "\"parameters\":{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}},\"required\":[\"city\"]}}";

  @Mixin
  ConfigOptions options;

  @Override
  public Integer call() throws IOException {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    Path dataDir = Files.createTempDirectory("chatstream-demo");
    try (ChatstreamRuntime runtime = ChatstreamRuntime.start(options.load(demoSettings(dataDir)))) {
      out.println("chatstream demo: an embedded Kafka broker at " + runtime.bootstrapServers()
          + ", the pipeline, and the offline provider (no network, no API key)");
      runtime.awaitRunning(Duration.ofMinutes(2));
      ClientFactory clients = new ClientFactory(runtime.config());
      try (ConversationSession session = new ConversationSession(clients, "demo-conversation")) {
        play(session, out);
      }
      return 0;
    } finally {
      deleteRecursively(dataDir);
    }
  }

  private static void play(ConversationSession session, PrintStream out) {
    session.send(InputEventLines.message("system", "You are a concise weather assistant."));
    String question = "What is the weather in \"Paris\"? Please use get_weather.";
    out.println("user> " + question);
    session.send(InputEventLines.message("user", question));
    session.send("{\"type\":\"generate_reply\",\"request_id\":\"demo-1\",\"auto_tool_reply\":true,\"tools\":["
        + WEATHER_TOOL + "],\"metadata\":{\"source\":\"demo\"}}");
    TerminalReplyPrinter first = new TerminalReplyPrinter(out, true);
    ReplyCompleted toolReply = session.await("demo-1", first, REPLY_TIMEOUT);
    if (toolReply.getFunctionCalls().isEmpty()) {
      throw new IllegalStateException("the offline provider did not call get_weather");
    }
    var call = toolReply.getFunctionCalls().get(0);
    String result = "{\"city\":\"Paris\",\"temperature_c\":18,\"conditions\":\"sunny\"}";
    out.println("[tool] the demo runs get_weather and appends its output: " + result);
    session.send(InputEventLines.functionOutput(call.getCallId(), call.getName(), result));
    TerminalReplyPrinter second = new TerminalReplyPrinter(out, true);
    session.await("demo-1/tool-1", second, REPLY_TIMEOUT);

    String thanks = "Thanks, that helps!";
    out.println("user> " + thanks);
    session.send(InputEventLines.message("user", thanks));
    session.send(InputEventLines.generateReply("demo-2", null));
    TerminalReplyPrinter third = new TerminalReplyPrinter(out, true);
    session.await("demo-2", third, REPLY_TIMEOUT);
    out.println("demo finished: " + (first.chunks() + second.chunks() + third.chunks())
        + " chunks, 1 function call and 3 completed replies, all through Kafka topics");
  }

  private static Map<String, String> demoSettings(Path dataDir) {
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put(ChatstreamConfig.BOOTSTRAP_SERVERS_CONFIG, "");
    settings.put(ChatstreamConfig.EMBEDDED_BROKER_PORT_CONFIG, "0");
    settings.put(ChatstreamConfig.DATA_DIR_CONFIG, dataDir.toString());
    settings.put(ChatstreamConfig.TOPIC_PARTITIONS_CONFIG, "1");
    settings.put(ChatstreamConfig.HTTP_PORT_CONFIG, "0");
    settings.put("llm.default.provider", "offline");
    settings.put("llm.default.ttft-ms", "150");
    settings.put("llm.default.token-delay-ms", "40");
    return settings;
  }

  private static void deleteRecursively(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
