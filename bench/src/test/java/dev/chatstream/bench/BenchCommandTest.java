package dev.chatstream.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class BenchCommandTest {

  @Test
  void withoutOptionsTheFullRunAsksTenThousandInFlightUnderBothGuarantees() {
    BenchSettings settings = parse();

    assertEquals(BenchSettings.full(), settings);
    assertEquals(10_000, settings.inflight());
    assertEquals(List.of("at_least_once", "exactly_once_v2"), settings.guarantees());
  }

  @Test
  void optionsOverrideTheQuickPreset() {
    BenchSettings settings = parse("--quick", "--inflight", "50", "--ttft-ms", "30", "--token-delay-ms", "5",
        "--tokens", "4", "--failure-rate", "0.1", "--phases", "ttft,growth", "--guarantee", "exactly_once_v2",
        "--duration", "3", "--samples", "7", "--items", "99", "--chunk-tokens", "11", "--lengths", "5,50",
        "--set", "num.stream.threads=2", "--in-process-server");

    assertEquals(500, settings.conversations(), "the quick preset's conversations, more than in flight");
    assertEquals(50, settings.inflight());
    assertEquals(Duration.ofMillis(45), settings.server().replyDuration());
    assertEquals(0.1, settings.server().failureRate());
    assertEquals(EnumSet.of(Phase.TTFT, Phase.GROWTH), settings.phases());
    assertEquals(List.of("exactly_once_v2"), settings.guarantees());
    assertEquals(Duration.ofSeconds(3), settings.window());
    assertEquals(7, settings.ttftSamples());
    assertEquals(99, settings.ingestItems());
    assertEquals(11, settings.chunkTokens());
    assertEquals(List.of(5, 50), settings.growthLengths());
    assertEquals(Map.of("num.stream.threads", "2"), settings.pipelineSettings());
    assertTrue(settings.inProcessServer());
  }

  @Test
  void theServerRunsInAChildJvmUnlessAskedOtherwise() {
    assertFalse(parse("--quick").inProcessServer());
  }

  @Test
  void moreInFlightThanTheDefaultConversationsRaisesTheConversations() {
    assertEquals(20_000, parse("--inflight", "20000").conversations());
  }

  @Test
  void impossibleSettingsAreRejectedWithTheReason() {
    StringWriter err = new StringWriter();
    CommandLine line = BenchCommand.commandLine().setErr(new PrintWriter(err));

    int status = line.execute("--inflight", "10", "--conversations", "5");

    assertEquals(2, status);
    assertTrue(err.toString().contains("conversations (5) must be at least inflight (10)"), err.toString());
  }

  @Test
  void anUnknownGuaranteeIsRejected() {
    StringWriter err = new StringWriter();
    int status = BenchCommand.commandLine().setErr(new PrintWriter(err)).execute("--guarantee", "exactly_once");

    assertEquals(2, status);
    assertTrue(err.toString().contains("unknown processing guarantee exactly_once"), err.toString());
  }

  private static BenchSettings parse(String... args) {
    BenchCommand command = new BenchCommand();
    new CommandLine(command).setCaseInsensitiveEnumValuesAllowed(true).parseArgs(args);
    return command.settings();
  }
}
