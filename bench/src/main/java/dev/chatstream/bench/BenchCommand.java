package dev.chatstream.bench;

import ch.qos.logback.classic.Level;
import dev.chatstream.pipeline.config.ChatstreamConfig;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/** {@code chatstream bench}: the end-to-end load harness; see {@link Bench}. */
@Command(name = "chatstream bench", mixinStandardHelpOptions = true, sortOptions = false,
    description = {
        "Measure chatstream end to end on this machine: an embedded Kafka broker, the pipeline, and an "
            + "in-process OpenAI-compatible streaming server whose pacing the options set.",
        "Phases: ttft (time to first token, connector alone vs. through the pipeline, per guarantee), "
            + "concurrency (generations in flight, completed/s vs. ideal, stream-thread blocking), ingest "
            + "(items/s into state, chunk events/s), reprocess (a recorded log replayed: requests/s, records/s, "
            + "CPU per request), growth (append and request-build cost at growing "
            + "conversation lengths); peak heap and RSS for each.",
        "Prints a Markdown table on stdout (progress on stderr) and writes JSON with --out. Without --quick "
            + "the run takes several minutes."})
public final class BenchCommand implements Callable<Integer> {
  private static final String BOTH = "both";

  @Option(names = "--quick", description = "A smoke run of every phase with small numbers (under two minutes "
      + "on two cores); CI may run it but must not assert its timings.")
  boolean quick;

  @Option(names = "--conversations", paramLabel = "N", description = "Conversations the concurrency phase "
      + "spreads its generations over (default: the larger of --inflight and 10000; 500 with --quick).")
  Integer conversations;

  @Option(names = "--inflight", paramLabel = "M", description = "Generations the concurrency phase keeps in flight "
      + "(default 10000; 500 with --quick). Bounded by the open-file limit: each stream holds two descriptors.")
  Integer inflight;

  @Option(names = "--ttft-ms", paramLabel = "MS", description = "The server's time to first token (default 200).")
  Long ttftMs;

  @Option(names = "--token-delay-ms", paramLabel = "MS", description = "The server's delay between tokens (default 200).")
  Long tokenDelayMs;

  @Option(names = "--tokens", paramLabel = "N", description = "Tokens per reply (default 10: 2-second replies).")
  Integer tokens;

  @Option(names = "--failure-rate", paramLabel = "RATE", description = "Share of requests the server answers with "
      + "HTTP 500 in the concurrency phase, 0 to 1 (default 0); the connector retries them.")
  Double failureRate;

  @Option(names = "--phases", split = ",", paramLabel = "PHASE", description = "Phases to run, comma-separated: "
      + "ttft, concurrency, ingest, growth, reprocess (default all).")
  List<Phase> phases;

  @Option(names = "--guarantee", paramLabel = "GUARANTEE", description = "at_least_once, exactly_once_v2 or both "
      + "(default both): TTFT is measured under each, the other phases run under the first.")
  String guarantee = BOTH;

  @Option(names = "--duration", paramLabel = "SECONDS", description = "Measurement window of the concurrency and "
      + "chunk-throughput measurements (default 60; 8 with --quick).")
  Integer durationSeconds;

  @Option(names = "--samples", paramLabel = "N", description = "TTFT samples per guarantee (default 200; 24 with --quick).")
  Integer samples;

  @Option(names = "--items", paramLabel = "N", description = "Items the ingest phase loads (default 200000; 20000 with --quick).")
  Integer items;

  @Option(names = "--chunk-tokens", paramLabel = "N", description = "Tokens per reply when measuring chunk "
      + "throughput (default 2000; 1000 with --quick).")
  Integer chunkTokens;

  @Option(names = "--lengths", split = ",", paramLabel = "N", description = "Conversation lengths of the growth "
      + "phase (default 10,1000,10000).")
  List<Integer> lengths;

  @Option(names = "--reprocess-conversations", paramLabel = "N", description = "Conversations in the log the "
      + "reprocess phase records and replays (default 10000; 500 with --quick).")
  Integer reprocessConversations;

  @Option(names = {"-s", "--set"}, paramLabel = "KEY=VALUE", description = "A chatstream setting for every pipeline "
      + "the bench starts (repeatable), e.g. --set num.stream.threads=2.")
  Map<String, String> pipelineSettings = new LinkedHashMap<>();

  @Option(names = "--in-process-server", description = "Run the simulated LLM server in the bench's own process "
      + "instead of a child JVM: each stream then holds two of the process's open files, and the server's CPU "
      + "counts as the bench's.")
  boolean inProcessServer;

  @Option(names = "--out", paramLabel = "FILE", description = "Also write the report as JSON to FILE.")
  Path out;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    BenchSettings settings;
    try {
      settings = settings();
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    }
    quietPerRequestWarnings();
    BenchReport report = Bench.run(settings, Progress.onStderr());
    PrintStream stdout = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    stdout.print(report.table());
    if (out != null) {
      Files.writeString(out, report.toJson(), StandardCharsets.UTF_8);
      System.err.println("wrote " + out);
    }
    return report.failures().isEmpty() ? 0 : 1;
  }

  BenchSettings settings() {
    BenchSettings base = quick ? BenchSettings.quick() : BenchSettings.full();
    ServerBehaviour server = base.server();
    ServerBehaviour behaviour = ServerBehaviour.of(
        ttftMs != null ? ttftMs : server.timeToFirstToken().toMillis(),
        tokenDelayMs != null ? tokenDelayMs : server.tokenDelay().toMillis(),
        tokens != null ? tokens : server.tokens(),
        failureRate != null ? failureRate : server.failureRate());
    int inflightGenerations = inflight != null ? inflight : base.inflight();
    return new BenchSettings(
        behaviour,
        conversations != null ? conversations : Math.max(inflightGenerations, base.conversations()),
        inflightGenerations,
        durationSeconds != null ? Duration.ofSeconds(durationSeconds) : base.window(),
        samples != null ? samples : base.ttftSamples(),
        base.ttftConcurrency(),
        items != null ? items : base.ingestItems(),
        chunkTokens != null ? chunkTokens : base.chunkTokens(),
        base.chunkInflight(),
        lengths != null ? lengths : base.growthLengths(),
        reprocessConversations != null ? reprocessConversations : base.reprocessConversations(),
        phases != null ? EnumSet.copyOf(phases) : base.phases(),
        guarantees(),
        pipelineSettings,
        inProcessServer);
  }

  private List<String> guarantees() {
    if (BOTH.equalsIgnoreCase(guarantee)) {
      return List.of(ChatstreamConfig.AT_LEAST_ONCE, ChatstreamConfig.EXACTLY_ONCE_V2);
    }
    return List.of(guarantee);
  }

  /** The bench counts failed and retried requests itself; one warning per request would bury the report. */
  private static void quietPerRequestWarnings() {
    if (LoggerFactory.getLogger("dev.chatstream.llm") instanceof ch.qos.logback.classic.Logger logger) {
      logger.setLevel(Level.ERROR);
    }
  }

  /** Runs the bench with {@code args} and exits with its status: 0 when every phase ran. */
  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The command line, for tests. */
  public static CommandLine commandLine() {
    return new CommandLine(new BenchCommand()).setCaseInsensitiveEnumValuesAllowed(true);
  }
}
