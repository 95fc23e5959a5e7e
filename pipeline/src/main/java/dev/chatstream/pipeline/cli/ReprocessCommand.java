package dev.chatstream.pipeline.cli;

import dev.chatstream.pipeline.config.ChatstreamConfig;
import dev.chatstream.pipeline.reprocess.Pacing;
import dev.chatstream.pipeline.reprocess.ReprocessJob;
import dev.chatstream.pipeline.reprocess.ReprocessOptions;
import dev.chatstream.pipeline.reprocess.ReprocessSummary;
import dev.chatstream.pipeline.reprocess.Selection;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code chatstream reprocess}: replays recorded requests against another LLM, isolated from the live service. */
@Command(name = "reprocess", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Replay recorded generate_reply requests, each on the context as it was when it first ran, "
        + "against an LLM profile of your choice, into topics of the run's own (never the live ones; nothing "
        + "is appended to the live input topic), and compare every replayed reply with the original.",
        "Reads the log up to the end offsets of the run's first start, stops by itself and prints a summary. "
            + "Running the same command again (same --run-id) resumes a stopped run."})
final class ReprocessCommand implements Callable<Integer> {
  private static final DateTimeFormatter RUN_ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

  @Mixin
  ConfigOptions options;

  @Option(names = "--from-beginning", description = "Read the log from its start (the default, and the only "
      + "way: a replay needs every item before each request).")
  boolean fromBeginning = true;

  @Option(names = "--since", paramLabel = "TIME", description = "Only requests recorded at or after TIME "
      + "(ISO-8601, e.g. 2026-12-01T09:00:00Z or 2026-12-01T09:00, UTC, or epoch milliseconds).")
  String since;

  @Option(names = "--until", paramLabel = "TIME", description = "Only requests recorded before TIME.")
  String until;

  @Option(names = "--conversation", paramLabel = "ID", description = "Only this conversation (repeatable).")
  Set<String> conversations = new LinkedHashSet<>();

  @Option(names = "--request", paramLabel = "ID", description = "Only this request id (repeatable).")
  Set<String> requests = new LinkedHashSet<>();

  @Option(names = "--only-failed", description = "Only requests whose original run ended in a final error or "
      + "was cancelled.")
  boolean onlyFailed;

  @Option(names = "--limit", paramLabel = "N", description = "At most N requests.")
  Integer limit;

  @Option(names = "--llm", paramLabel = "PROFILE", description = "Run every request on this LLM profile "
      + "(any configured profile, fallback included; configure one with --set llm.<name>.<key>=...).")
  String llm;

  @Option(names = "--model", description = "Ask for this model in every request.")
  String model;

  @Option(names = "--system", paramLabel = "TEXT", description = "Replace each conversation's first instruction "
      + "(its first system or developer message) with TEXT.")
  String system;

  @Option(names = "--system-file", paramLabel = "FILE", description = "Like --system, with the text of FILE.")
  Path systemFile;

  @Option(names = "--output-prefix", paramLabel = "PREFIX", description = "Prefix of the run's topics (default "
      + "chatstream.reprocess.<run id>.): chunks, function-calls, errors, metrics, replies, dlq, results, run.")
  String outputPrefix;

  @Option(names = "--out", paramLabel = "FILE", description = "Also write one JSON line per replayed request.")
  Path out;

  @Option(names = "--report", paramLabel = "FILE", description = "Write the summary as Markdown.")
  Path report;

  @Option(names = "--concurrency", paramLabel = "N", description = "Generations in flight (default 16).")
  int concurrency = 16;

  @Option(names = "--rate", paramLabel = "N/min", description = "Generations started per minute, e.g. 120/min "
      + "or 2/s; starts are spread evenly.")
  String rate;

  @Option(names = "--tokens-per-minute", paramLabel = "N", description = "Tokens (prompt and completion) per minute.")
  Integer tokensPerMinute;

  @Option(names = "--run-id", paramLabel = "ID", description = "The run (default: a new one, printed). Its "
      + "application id is chatstream-reprocess-<ID>; the same id resumes the run.")
  String runId;

  @Option(names = "--restart", description = "Start the run over: delete its state, topics and results first.")
  boolean restart;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    ReprocessOptions run = runOptions();
    ChatstreamConfig config = options.load(Map.of());
    if (runId == null) {
      Console.status("run id " + run.runId() + " (run the same command with --run-id " + run.runId()
          + " to resume it)");
    }
    ReprocessSummary summary = ReprocessJob.run(config, run, new ReprocessProgressDisplay(Console.isTerminal()));
    PrintStream stdout = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    stdout.print(summary.markdown());
    if (report != null) {
      Files.writeString(report, summary.markdown(), StandardCharsets.UTF_8);
      Console.status("wrote " + report);
    }
    return 0;
  }

  ReprocessOptions runOptions() throws IOException {
    if (system != null && systemFile != null) {
      throw new ParameterException(spec.commandLine(), "--system and --system-file exclude each other");
    }
    String instruction = systemFile != null ? Files.readString(systemFile, StandardCharsets.UTF_8) : system;
    try {
      Selection selection = new Selection(time("--since", since), time("--until", until), conversations, requests,
          onlyFailed, limit);
      Pacing pacing = new Pacing(concurrency, rate == null ? null : perMinute(rate), tokensPerMinute);
      String id = runId != null ? runId : LocalDateTime.now(ZoneOffset.UTC).format(RUN_ID_TIME) + "-"
          + UUID.randomUUID().toString().substring(0, 6);
      return new ReprocessOptions(id, restart, selection, llm, model, instruction, outputPrefix, out, report, pacing);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    }
  }

  private static Instant time(String option, String value) {
    if (value == null) {
      return null;
    }
    if (value.matches("\\d+")) {
      return Instant.ofEpochMilli(Long.parseLong(value));
    }
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      try {
        return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException again) {
        throw new IllegalArgumentException(option + " takes ISO-8601 (2026-12-01T09:00:00Z) or epoch milliseconds, "
            + "not '" + value + "'");
      }
    }
  }

  /** A rate as {@code N/min}, {@code N/s} or {@code N} (per minute), in starts per minute. */
  static int perMinute(String rate) {
    String[] parts = rate.strip().toLowerCase(Locale.ROOT).split("/");
    try {
      int count = Integer.parseInt(parts[0].strip());
      if (parts.length == 1 || parts[1].strip().matches("min|m|minute")) {
        return count;
      }
      if (parts[1].strip().matches("s|sec|second")) {
        return Math.multiplyExact(count, 60);
      }
    } catch (NumberFormatException | ArithmeticException e) {
      // falls through to the error below
    }
    throw new IllegalArgumentException("--rate takes N/min or N/s, not '" + rate + "'");
  }
}
