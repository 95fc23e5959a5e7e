package dev.chatstream.drills;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code chatstream run} in a JVM of its own, started with the drill's own java and class path,
 * its standard output and error appended to a log file. {@link #kill()} is {@code kill -9}: the
 * process gets no chance to flush, commit or leave its group.
 */
final class InstanceProcess implements AutoCloseable {
  private static final String MAIN = "dev.chatstream.pipeline.cli.Main";
  private static final Pattern RUNNING = Pattern.compile("chatstream: running: ");
  private static final Pattern HTTP_PORT = Pattern.compile("chatstream: HTTP on port (\\d+)");
  private static final List<String> JVM_OPTIONS = List.of("-Xmx768m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
      "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow");

  private final String name;
  private final Process process;
  private final Path log;
  private final long logStart;

  private InstanceProcess(String name, Process process, Path log, long logStart) {
    this.name = name;
    this.process = process;
    this.log = log;
    this.logStart = logStart;
  }

  /**
   * Starts {@code chatstream run} with {@code settings} as {@code --set} options, appending its output
   * to {@code log}.
   *
   * @param environment extra environment variables of the child
   * @param jvmOptions extra JVM options (system properties)
   */
  static InstanceProcess start(String name, Map<String, String> settings, Map<String, String> environment,
      List<String> jvmOptions, Path log) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions());
    command.addAll(jvmOptions);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), MAIN, "run"));
    settings.forEach((key, value) -> command.addAll(List.of("--set", key + "=" + value)));
    try {
      Files.createDirectories(log.getParent());
      long start = Files.exists(log) ? Files.size(log) : 0;
      ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
      builder.environment().putAll(environment);
      return new InstanceProcess(name, builder.start(), log, start);
    } catch (IOException e) {
      throw new UncheckedIOException("could not start instance " + name, e);
    }
  }

  private static List<String> jvmOptions() {
    int major = Runtime.version().feature();
    return major >= 24 ? JVM_OPTIONS : JVM_OPTIONS.subList(0, 3);
  }

  /** The instance's name in the drill's figures. */
  String name() {
    return name;
  }

  /** The operating-system process id. */
  long pid() {
    return process.pid();
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /**
   * Waits until the instance says it runs.
   *
   * @throws IllegalStateException when it exits first or does not within {@code timeout}
   */
  InstanceProcess awaitRunning(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (RUNNING.matcher(output()).find()) {
        return this;
      }
      if (!process.isAlive()) {
        throw new IllegalStateException("instance " + name + " exited with " + process.exitValue()
            + " before it ran; see " + log);
      }
      Pause.millis(200);
    }
    throw new IllegalStateException("instance " + name + " did not run within " + timeout.toSeconds() + " s; see " + log);
  }

  /** The HTTP port the instance reported, once it runs. */
  Optional<Integer> httpPort() {
    Matcher matcher = HTTP_PORT.matcher(output());
    return matcher.find() ? Optional.of(Integer.parseInt(matcher.group(1))) : Optional.empty();
  }

  /** What this start of the instance has written to its log so far. */
  String output() {
    try {
      byte[] all = Files.readAllBytes(log);
      return new String(all, (int) Math.min(logStart, all.length), (int) Math.max(0, all.length - logStart),
          StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }

  /** {@code kill -9}, and waits until the process is gone. */
  void kill() {
    process.destroyForcibly();
    awaitExit(Duration.ofSeconds(30));
  }

  /** SIGTERM: the instance stops cleanly (its shutdown hook closes the streams and leaves the group). */
  void stop() {
    process.destroy();
    if (!awaitExit(Duration.ofSeconds(60))) {
      kill();
    }
  }

  private boolean awaitExit(Duration timeout) {
    try {
      return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      stop();
    }
  }
}
