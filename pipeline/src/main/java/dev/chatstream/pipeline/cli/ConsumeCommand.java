package dev.chatstream.pipeline.cli;

import dev.chatstream.pipeline.Topics;
import dev.chatstream.pipeline.client.OutputConsumer;
import dev.chatstream.pipeline.client.OutputRecord;
import dev.chatstream.pipeline.internals.json.OutputRecordJson;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code chatstream consume}: output events to JSON lines. */
@Command(name = "consume", mixinStandardHelpOptions = true,
    description = "Read output topics and print one JSON line per event, with its topic.")
final class ConsumeCommand implements Callable<Integer> {
  private static final Duration POLL = Duration.ofMillis(100);

  @Mixin
  ConfigOptions options;

  @Option(names = {"-t", "--topic"}, split = ",", paramLabel = "TOPIC",
      description = "Topics to read, by short name (chunks, function-calls, errors, metrics, replies, dlq, "
          + "conversations) or full name. Default: chunks, function-calls, errors, metrics, replies.")
  List<String> topics = new ArrayList<>(List.of(Topics.CHUNKS, Topics.FUNCTION_CALLS, Topics.ERRORS, Topics.METRICS,
      Topics.REPLIES));

  @Option(names = "--from-beginning", description = "Start at the beginning of each topic, not at its end.")
  boolean fromBeginning;

  @Option(names = "--max-messages", paramLabel = "N", description = "Stop after printing N events.")
  Integer maxMessages;

  @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "PT5S",
      description = "Stop when no event arrives for this long (ISO-8601, default PT5S). Ignored with --follow.")
  Duration timeout;

  @Option(names = "--follow", description = "Keep reading until interrupted.")
  boolean follow;

  @Option(names = "--conversation", paramLabel = "ID", description = "Only events of this conversation.")
  String conversation;

  @Override
  public Integer call() {
    ClientFactory clients = new ClientFactory(options.loadForClient());
    List<String> names = topics.stream().map(name -> fullName(clients.topics(), name)).toList();
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    int printed = 0;
    try (OutputConsumer consumer = clients.consumer(names, fromBeginning)) {
      Instant lastEvent = Instant.now();
      while (maxMessages == null || printed < maxMessages) {
        List<OutputRecord> records = consumer.poll(POLL);
        for (OutputRecord record : records) {
          lastEvent = Instant.now();
          if (conversation != null && !conversation.equals(record.key())) {
            continue;
          }
          out.println(OutputRecordJson.toJson(record));
          printed++;
          if (maxMessages != null && printed >= maxMessages) {
            break;
          }
        }
        if (!follow && Duration.between(lastEvent, Instant.now()).compareTo(timeout) > 0) {
          break;
        }
      }
    }
    return 0;
  }

  private static String fullName(Topics topics, String name) {
    return Topics.SHORT_NAMES.contains(name) ? topics.name(name) : name;
  }
}
