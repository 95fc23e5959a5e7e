package dev.chatstream.pipeline.testing;

import dev.chatstream.pipeline.broker.EmbeddedKafka;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One embedded Kafka broker (a free port, a temporary directory) for a test class:
 * {@code @RegisterExtension static final BrokerExtension broker = new BrokerExtension();}.
 */
public final class BrokerExtension implements BeforeAllCallback, AfterAllCallback {
  private Path dir;
  private EmbeddedKafka kafka;

  @Override
  public void beforeAll(ExtensionContext context) throws IOException {
    dir = Files.createTempDirectory("chatstream-it");
    kafka = EmbeddedKafka.builder().port(0).dataDir(dir.resolve("kafka")).start();
  }

  @Override
  public void afterAll(ExtensionContext context) throws IOException {
    try {
      kafka.close();
    } finally {
      try (Stream<Path> paths = Files.walk(dir)) {
        for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(path);
        }
      }
    }
  }

  /** The running broker. */
  public EmbeddedKafka kafka() {
    return kafka;
  }

  /** A directory for the class's state and files, deleted after the class. */
  public Path dir() {
    return dir;
  }
}
