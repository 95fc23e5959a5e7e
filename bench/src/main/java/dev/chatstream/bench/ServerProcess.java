package dev.chatstream.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A {@link SimulatedOpenAiServer} in a JVM of its own, started from the bench's own class path and
 * driven over the child's standard input and output, one command line and one answer line at a time.
 *
 * <p>Keeping the server out of the bench's process halves the file descriptors the process holds per
 * stream (each process holds one end of each loopback connection), so ten thousand streams fit
 * under a 20,000 open-file limit, and it keeps the server's CPU out of the pipeline process's, so
 * the two are measured apart. The child exits when its input closes (at the latest when the command
 * it is answering ends), so it does not outlive the bench.
 */
final class ServerProcess implements LlmServer {
  private static final String LISTENING = "listening ";
  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
  private static final List<String> JVM_OPTIONS = List.of("-Xmx1g", "-XX:+UseParallelGC");

  private final Process process;
  private final Writer commands;
  private final BufferedReader answers;
  private final String baseUrl;

  private ServerProcess(Process process) throws IOException {
    this.process = process;
    this.commands = process.outputWriter(StandardCharsets.UTF_8);
    this.answers = process.inputReader(StandardCharsets.UTF_8);
    String first = answers.readLine();
    if (first == null || !first.startsWith(LISTENING)) {
      process.destroyForcibly();
      throw new IOException("the simulated server process did not start (it said: " + first + ")");
    }
    this.baseUrl = first.substring(LISTENING.length());
  }

  /**
   * Starts a child JVM serving with {@code behaviour}.
   *
   * @throws UncheckedIOException when the child cannot be started or does not report its address
   */
  static ServerProcess start(ServerBehaviour behaviour) {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>(List.of(java));
    command.addAll(JVM_OPTIONS);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), ServerProcess.class.getName()));
    command.addAll(encode(behaviour));
    try {
      Process child = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
      return waitForStart(child);
    } catch (IOException e) {
      throw new UncheckedIOException("could not start the simulated server process", e);
    }
  }

  private static ServerProcess waitForStart(Process child) throws IOException {
    CompletableFuture<ServerProcess> starting = CompletableFuture.supplyAsync(() -> {
      try {
        return new ServerProcess(child);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
    try {
      return starting.get(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      child.destroyForcibly();
      throw new IOException("the simulated server process did not start within " + START_TIMEOUT.toSeconds() + " s", e);
    } catch (ExecutionException e) {
      child.destroyForcibly();
      throw new IOException("the simulated server process did not start", e.getCause());
    } catch (InterruptedException e) {
      child.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while the simulated server process started", e);
    }
  }

  @Override
  public String baseUrl() {
    return baseUrl;
  }

  @Override
  public void behave(ServerBehaviour next) {
    ask("behave " + String.join(" ", encode(next)));
  }

  @Override
  public int openStreams() {
    return Integer.parseInt(ask("streams"));
  }

  @Override
  public boolean awaitIdle(Duration timeout) {
    return Boolean.parseBoolean(ask("idle " + timeout.toMillis()));
  }

  @Override
  public long cpuNanos() {
    return Long.parseLong(ask("cpu"));
  }

  @Override
  public boolean inThisProcess() {
    return false;
  }

  @Override
  public void close() {
    try (answers) {
      commands.close();
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (IOException e) {
      process.destroyForcibly();
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private synchronized String ask(String command) {
    try {
      commands.write(command + "\n");
      commands.flush();
      String answer = answers.readLine();
      if (answer == null) {
        throw new IllegalStateException("the simulated server process exited (code "
            + (process.isAlive() ? "none yet" : process.exitValue()) + ")");
      }
      if (answer.startsWith("error ")) {
        throw new IllegalStateException("the simulated server process refused \"" + command + "\": "
            + answer.substring("error ".length()));
      }
      return answer;
    } catch (IOException e) {
      throw new UncheckedIOException("lost the simulated server process", e);
    }
  }

  private static List<String> encode(ServerBehaviour behaviour) {
    return List.of(Long.toString(behaviour.timeToFirstToken().toMillis()), Long.toString(behaviour.tokenDelay().toMillis()),
        Integer.toString(behaviour.tokens()), Double.toString(behaviour.failureRate()));
  }

  private static ServerBehaviour decode(List<String> fields) {
    if (fields.size() != 4) {
      throw new IllegalArgumentException("expected: ttft-ms token-delay-ms tokens failure-rate");
    }
    return ServerBehaviour.of(Long.parseLong(fields.get(0)), Long.parseLong(fields.get(1)),
        Integer.parseInt(fields.get(2)), Double.parseDouble(fields.get(3)));
  }

  /**
   * The child's side: serves with the behaviour in {@code args} (ttft-ms, token-delay-ms, tokens,
   * failure-rate), prints {@code listening <base url>}, then answers commands from standard input
   * until it closes.
   */
  public static void main(String[] args) throws IOException {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    try (SimulatedOpenAiServer server = SimulatedOpenAiServer.start(decode(List.of(args)))) {
      out.println(LISTENING + server.baseUrl());
      BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        out.println(answer(server, line.trim()));
      }
    }
  }

  private static String answer(SimulatedOpenAiServer server, String line) {
    List<String> words = List.of(line.split(" "));
    try {
      return switch (words.get(0)) {
        case "behave" -> {
          server.behave(decode(words.subList(1, words.size())));
          yield "ok";
        }
        case "streams" -> Integer.toString(server.openStreams());
        case "idle" -> Boolean.toString(server.awaitIdle(Duration.ofMillis(Long.parseLong(words.get(1)))));
        case "cpu" -> Long.toString(ProcessCpu.nanos());
        default -> "error unknown command " + words.get(0).toLowerCase(Locale.ROOT);
      };
    } catch (RuntimeException e) {
      return "error " + oneLine(String.valueOf(e));
    }
  }

  /** An answer is one line: anything else would shift every later answer. */
  private static String oneLine(String text) {
    return text.replace('\r', ' ').replace('\n', ' ');
  }
}
