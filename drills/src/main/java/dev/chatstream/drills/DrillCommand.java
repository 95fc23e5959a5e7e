package dev.chatstream.drills;

import dev.chatstream.pipeline.config.ChatstreamConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code chatstream drill <name>}: runs a fault drill against real chatstream processes and prints
 * its figures; the exit status is 0 when every check held, 1 when one failed.
 */
@Command(name = "drill", mixinStandardHelpOptions = true,
    description = "Fault drills: crashes, rebalances, wiped state, bad input, provider faults, secret canaries.",
    subcommands = {DrillCommand.Crash.class, DrillCommand.Rebalance.class, DrillCommand.StateWiped.class,
        DrillCommand.BadInput.class, DrillCommand.ProviderFaults.class, DrillCommand.Secrets.class, DrillCommand.All.class})
public final class DrillCommand implements Runnable {
  @Override
  public void run() {
    new CommandLine(this).usage(System.out);
  }

  /** Runs the command line and exits with its status. */
  public static void main(String[] args) {
    // the drill's own clients warn at every broker kill; the instances' logs keep theirs
    ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("org.apache.kafka"))
        .setLevel(ch.qos.logback.classic.Level.ERROR);
    System.exit(new CommandLine(new DrillCommand()).execute(args));
  }

  /** Prints each report and answers 0 when all passed. */
  static int finish(List<DrillReport> reports) {
    reports.forEach(report -> report.print(System.out));
    boolean passed = reports.stream().allMatch(DrillReport::passed);
    if (reports.size() > 1) {
      System.out.println((passed ? "PASS" : "FAIL") + ": " + reports.stream().filter(DrillReport::passed).count()
          + " of " + reports.size() + " drills passed");
    }
    return passed ? 0 : 1;
  }

  /** The guarantees a drill runs under: the one asked for, else both. */
  static List<String> guarantees(String asked) {
    return asked != null ? List.of(asked) : List.of(ChatstreamConfig.AT_LEAST_ONCE, ChatstreamConfig.EXACTLY_ONCE_V2);
  }

  static List<DrillReport> perGuarantee(String asked, Function<String, DrillReport> drill) {
    List<DrillReport> reports = new ArrayList<>();
    guarantees(asked).forEach(guarantee -> reports.add(drill.apply(guarantee)));
    return reports;
  }

  @Command(name = "crash", mixinStandardHelpOptions = true,
      description = "kill -9 instances (and the process holding the broker) while generations stream; restart them.")
  static final class Crash implements Callable<Integer> {
    @Mixin DrillOptions options;
    @Option(names = "--guarantee", description = "at_least_once or exactly_once_v2 (default: both, one after the other).")
    String guarantee;

    @Override
    public Integer call() {
      DrillSetting setting = options.setting();
      return finish(perGuarantee(guarantee, g -> new CrashDrill(setting, g).run()));
    }
  }

  @Command(name = "rebalance", mixinStandardHelpOptions = true,
      description = "Three instances stopped and started in turn while generations run.")
  static final class Rebalance implements Callable<Integer> {
    @Mixin DrillOptions options;
    @Option(names = "--guarantee", description = "at_least_once or exactly_once_v2 (default: both, one after the other).")
    String guarantee;

    @Override
    public Integer call() {
      DrillSetting setting = options.setting();
      return finish(perGuarantee(guarantee, g -> new RebalanceDrill(setting, g).run()));
    }
  }

  @Command(name = "state-wiped", mixinStandardHelpOptions = true,
      description = "An instance restarted on an empty state directory restores every context from the changelog.")
  static final class StateWiped implements Callable<Integer> {
    @Mixin DrillOptions options;

    @Override
    public Integer call() {
      return finish(List.of(new StateWipedDrill(options.setting()).run()));
    }
  }

  @Command(name = "bad-input", mixinStandardHelpOptions = true,
      description = "A flood of malformed records of every dead-letter reason among valid conversations.")
  static final class BadInput implements Callable<Integer> {
    @Mixin DrillOptions options;

    @Override
    public Integer call() {
      return finish(List.of(new BadInputDrill(options.setting()).run()));
    }
  }

  @Command(name = "provider-faults", mixinStandardHelpOptions = true,
      description = "A fault-injecting loopback LLM server: retries, final errors and fallback as the rules say.")
  static final class ProviderFaults implements Callable<Integer> {
    @Mixin DrillOptions options;

    @Override
    public Integer call() {
      return finish(List.of(new ProviderFaultsDrill(options.setting()).run()));
    }
  }

  @Command(name = "secrets", mixinStandardHelpOptions = true,
      description = "A canary API key and Kafka secret must appear in no topic, log, data file or trace.")
  static final class Secrets implements Callable<Integer> {
    @Mixin DrillOptions options;

    @Override
    public Integer call() {
      return finish(List.of(new SecretCanaryDrill(options.setting()).run()));
    }
  }

  @Command(name = "all", mixinStandardHelpOptions = true, description = "Every drill, one after the other.")
  static final class All implements Callable<Integer> {
    @Mixin DrillOptions options;

    @Override
    public Integer call() {
      DrillSetting setting = options.setting();
      List<DrillReport> reports = new ArrayList<>();
      reports.addAll(perGuarantee(null, g -> new CrashDrill(setting, g).run()));
      reports.addAll(perGuarantee(null, g -> new RebalanceDrill(setting, g).run()));
      reports.add(new StateWipedDrill(setting).run());
      reports.add(new BadInputDrill(setting).run());
      reports.add(new ProviderFaultsDrill(setting).run());
      reports.add(new SecretCanaryDrill(setting).run());
      return finish(reports);
    }
  }
}
