package dev.chatstream.pipeline.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chatstream.llm.internal.json.Json;
import dev.chatstream.pipeline.client.ConversationProducer;
import dev.chatstream.pipeline.config.ChatstreamConfig;
import dev.chatstream.pipeline.internals.json.InputEventJson;
import dev.chatstream.pipeline.internals.tracing.Tracing;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code chatstream produce}: JSON lines to conversation events. */
@Command(name = "produce", mixinStandardHelpOptions = true,
    description = {"Read JSON lines (a file, or standard input) and write them as events to the conversations topic.",
        "Each line is an item in the ChatContext to_dict shape plus conversation_id (type message, function_call, "
            + "function_call_output) or a request (type generate_reply, cancel, truncate, delete).",
        "An invalid line is reported with its line number and skipped; the exit status is then 2.",
        "With tracing.enabled, each event is sent in a span of its own (OTEL_* variables) and carries its "
            + "W3C traceparent header."})
final class ProduceCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = Json.mapper();

  @Mixin
  ConfigOptions options;

  @Parameters(arity = "0..1", paramLabel = "FILE", description = "JSON lines to send; standard input when absent or '-'.")
  Path file;

  @Override
  public Integer call() throws IOException {
    ChatstreamConfig config = options.loadForClient();
    ClientFactory clients = new ClientFactory(config);
    int sent = 0;
    int skipped = 0;
    try (BufferedReader reader = open(); Tracing tracing = Tracing.of(config);
        ConversationProducer producer = clients.producer(tracing)) {
      String line;
      int number = 0;
      while ((line = reader.readLine()) != null) {
        number++;
        if (line.isBlank() || line.stripLeading().startsWith("#")) {
          continue;
        }
        try {
          producer.send(InputEventJson.parse(JSON.readTree(line)));
          sent++;
        } catch (JsonProcessingException e) {
          skipped++;
          Console.status("line " + number + ": not valid JSON: " + e.getOriginalMessage());
        } catch (RuntimeException e) {
          skipped++;
          Console.status("line " + number + ": " + e.getMessage());
        }
      }
      producer.flush();
    }
    Console.status("sent " + sent + " event" + (sent == 1 ? "" : "s") + " to " + clients.topics().conversations().name()
        + (skipped > 0 ? ", skipped " + skipped + " invalid line" + (skipped == 1 ? "" : "s") : ""));
    return skipped > 0 ? 2 : 0;
  }

  private BufferedReader open() throws IOException {
    if (file == null || file.toString().equals("-")) {
      return new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    }
    return Files.newBufferedReader(file, StandardCharsets.UTF_8);
  }
}
