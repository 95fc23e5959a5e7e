package dev.chatstream.pipeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatstream.pipeline.reprocess.ReprocessOptions;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ReprocessCommandTest {

  @Test
  void everyOptionReachesTheRun(@TempDir Path dir) throws Exception {
    Path system = Files.writeString(dir.resolve("system.txt"), "You are terse.");
    ReprocessOptions options = parse("--since", "2026-12-01T09:00:00Z", "--until", "1796169600000",
        "--conversation", "c1", "--conversation", "c2", "--request", "r9", "--only-failed", "--limit", "50",
        "--llm", "mini", "--model", "gpt-4.1-mini", "--system-file", system.toString(), "--output-prefix", "eval.",
        "--concurrency", "8", "--rate", "120/min", "--tokens-per-minute", "40000", "--run-id", "tuesday", "--restart");

    assertEquals(Instant.parse("2026-12-01T09:00:00Z"), options.selection().since());
    assertEquals(Instant.ofEpochMilli(1796169600000L), options.selection().until());
    assertEquals(Set.of("c1", "c2"), options.selection().conversations());
    assertEquals(Set.of("r9"), options.selection().requests());
    assertTrue(options.selection().onlyFailed());
    assertEquals(50, options.selection().limit());
    assertEquals("mini", options.llm());
    assertEquals("gpt-4.1-mini", options.model());
    assertEquals("You are terse.", options.system());
    assertEquals("eval.", options.topicPrefix());
    assertEquals(8, options.pacing().concurrency());
    assertEquals(120, options.pacing().requestsPerMinute());
    assertEquals(40000, options.pacing().tokensPerMinute());
    assertEquals("chatstream-reprocess-tuesday", options.applicationId());
    assertTrue(options.restart());
  }

  @Test
  void defaultsGiveANewRunUnderItsOwnPrefix() throws Exception {
    ReprocessOptions first = parse();
    ReprocessOptions second = parse();

    assertNotEquals(first.runId(), second.runId());
    assertEquals("chatstream.reprocess." + first.runId() + ".", first.topicPrefix());
    assertEquals(16, first.pacing().concurrency());
    assertEquals(null, first.pacing().requestsPerMinute());
  }

  @Test
  void ratesReadPerMinuteOrPerSecond() {
    assertEquals(120, ReprocessCommand.perMinute("120/min"));
    assertEquals(120, ReprocessCommand.perMinute("2/s"));
    assertEquals(90, ReprocessCommand.perMinute("90"));
    assertThrows(IllegalArgumentException.class, () -> ReprocessCommand.perMinute("fast"));
    assertThrows(IllegalArgumentException.class, () -> ReprocessCommand.perMinute("3/hour"));
  }

  @Test
  void badOptionsAreUsageErrors() {
    assertUsageError("--since", "yesterday");
    assertUsageError("--system", "a", "--system-file", "b.txt");
    assertUsageError("--limit", "0");
    assertUsageError("--since", "2026-12-02T00:00:00Z", "--until", "2026-12-01T00:00:00Z");
    assertUsageError("--run-id", "no spaces please");
  }

  private static ReprocessOptions parse(String... args) throws Exception {
    ReprocessCommand command = new ReprocessCommand();
    new CommandLine(command).parseArgs(args);
    return command.runOptions();
  }

  private static void assertUsageError(String... args) {
    ReprocessCommand command = new ReprocessCommand();
    CommandLine line = new CommandLine(command);
    StringWriter err = new StringWriter();
    line.setErr(new PrintWriter(err));
    line.parseArgs(args);
    assertThrows(CommandLine.ParameterException.class, command::runOptions, String.join(" ", args));
  }
}
