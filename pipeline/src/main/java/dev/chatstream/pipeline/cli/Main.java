package dev.chatstream.pipeline.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/** The {@code chatstream} command line. */
@Command(
    name = "chatstream",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = "LLM conversations as Kafka event streams.",
    subcommands = {RunCommand.class, ProduceCommand.class, ConsumeCommand.class, ChatCommand.class, DemoCommand.class, ReprocessCommand.class,
        ShowCommand.class},
    footer = {"", "The load harness is `./chatstream bench` (bench/, a jar of its own; `./chatstream bench --help`)."})
public final class Main implements Runnable {
  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  /** Runs the command line and exits with its status. */
  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The command line, for tests and embedding. */
  public static CommandLine commandLine() {
    return new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true);
  }
}
