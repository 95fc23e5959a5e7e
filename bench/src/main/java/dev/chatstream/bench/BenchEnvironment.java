package dev.chatstream.bench;

import dev.chatstream.llm.LlmProvider;
import dev.chatstream.llm.openai.OpenAiChatOptions;
import dev.chatstream.llm.openai.OpenAiChatProvider;
import dev.chatstream.pipeline.broker.EmbeddedKafka;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What every phase of a bench run shares: a temporary directory, the embedded broker on a free port,
 * the simulated LLM server and the real OpenAI connector pointed at it,
 * and the settings every pipeline gets on top of the phase's own.
 */
final class BenchEnvironment implements AutoCloseable {
  private final Path workDir;
  private final EmbeddedKafka broker;
  private final LlmServer server;
  private final LlmProvider provider;
  private final Map<String, String> pipelineSettings;

  private BenchEnvironment(Path workDir, EmbeddedKafka broker, LlmServer server,
      Map<String, String> pipelineSettings) {
    this.workDir = workDir;
    this.broker = broker;
    this.server = server;
    this.provider = OpenAiChatProvider.create(
        OpenAiChatOptions.compatible(server.baseUrl(), SimulatedOpenAiServer.MODEL).withProviderName("bench"));
    this.pipelineSettings = Map.copyOf(pipelineSettings);
  }

  /**
   * Starts the broker and the server (in this process when {@code inProcessServer}, otherwise in a
   * JVM of its own); {@code pipelineSettings} go to every pipeline, last.
   */
  static BenchEnvironment start(ServerBehaviour behaviour, Map<String, String> pipelineSettings,
      boolean inProcessServer) {
    Path dir = null;
    EmbeddedKafka kafka = null;
    LlmServer server = null;
    try {
      dir = Files.createTempDirectory("chatstream-bench");
      kafka = EmbeddedKafka.builder().host("127.0.0.1").port(0).dataDir(dir.resolve("kafka")).start();
      server = inProcessServer ? SimulatedOpenAiServer.start(behaviour) : ServerProcess.start(behaviour);
      return new BenchEnvironment(dir, kafka, server, pipelineSettings);
    } catch (IOException | RuntimeException e) {
      if (server != null) {
        server.close();
      }
      if (kafka != null) {
        kafka.close();
      }
      if (dir != null) {
        deleteRecursively(dir);
      }
      throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
    }
  }

  Path workDir() {
    return workDir;
  }

  String bootstrapServers() {
    return broker.bootstrapServers();
  }

  LlmServer server() {
    return server;
  }

  /** The OpenAI connector every pipeline's default profile uses, and the TTFT baseline calls directly. */
  LlmProvider provider() {
    return provider;
  }

  Map<String, String> pipelineSettings() {
    return pipelineSettings;
  }

  @Override
  public void close() {
    try {
      server.close();
    } finally {
      try {
        broker.close();
      } finally {
        deleteRecursively(workDir);
      }
    }
  }

  private static void deleteRecursively(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not delete " + dir, e);
    }
  }
}
