package dev.chatstream.pipeline.cli;

import dev.chatstream.llm.chat.ItemIds;
import dev.chatstream.pipeline.internals.json.InputEventLines;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code chatstream chat}: an interactive conversation over Kafka. */
@Command(name = "chat", mixinStandardHelpOptions = true,
    description = {"Talk to the running service over Kafka: each line you type becomes a user message and a "
        + "generate_reply; the reply streams back from the chunks topic.", "Type /quit (or end input) to leave."})
final class ChatCommand implements Callable<Integer> {
  @Mixin
  ConfigOptions options;

  @Option(names = "--conversation", paramLabel = "ID", description = "Conversation id (default: a new one).")
  String conversation;

  @Option(names = "--llm", paramLabel = "PROFILE", description = "LLM profile to use (default: the default profile).")
  String llm;

  @Option(names = "--system", paramLabel = "TEXT", description = "A system instruction sent first.")
  String system;

  @Option(names = "--metrics", description = "Show metrics and a summary after each reply.")
  boolean metrics;

  @Option(names = "--reply-timeout", defaultValue = "PT2M", paramLabel = "DURATION",
      description = "How long to wait for a reply (ISO-8601, default PT2M).")
  Duration replyTimeout;

  @Override
  public Integer call() throws IOException {
    String conversationId = conversation != null ? conversation : ItemIds.shortId("chat_");
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    try (ConversationSession session = new ConversationSession(new ClientFactory(options.loadForClient()), conversationId)) {
      Console.status("conversation " + conversationId + " (type /quit to leave)");
      if (system != null) {
        session.send(InputEventLines.message("system", system));
      }
      int turn = 0;
      while (true) {
        out.print("you> ");
        out.flush();
        String line = in.readLine();
        if (line == null || line.strip().equals("/quit")) {
          return 0;
        }
        if (line.isBlank()) {
          continue;
        }
        String requestId = conversationId + "-" + (++turn);
        session.send(InputEventLines.message("user", line));
        session.send(InputEventLines.generateReply(requestId, llm));
        try {
          session.await(requestId, new TerminalReplyPrinter(out, metrics), replyTimeout);
        } catch (IllegalStateException e) {
          out.println("[error] " + e.getMessage());
        }
      }
    }
  }
}
