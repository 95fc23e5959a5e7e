package dev.chatstream.pipeline.broker;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Options and failures that are found before any broker runs. */
@Timeout(30)
class EmbeddedKafkaBuilderTest {

  @TempDir
  Path dataDir;

  @Test
  void rejectsPortsOutsideTheRangeAndNonPositiveTimeouts() {
    assertThrows(IllegalArgumentException.class, () -> EmbeddedKafka.builder().port(-1));
    assertThrows(IllegalArgumentException.class, () -> EmbeddedKafka.builder().port(65536));
    assertThrows(IllegalArgumentException.class, () -> EmbeddedKafka.builder().controllerPort(70000));
    assertThrows(IllegalArgumentException.class, () -> EmbeddedKafka.builder().startupTimeout(Duration.ZERO));
  }

  @Test
  void invalidBrokerSettingFailsAndReleasesTheDirectory() {
    EmbeddedKafkaException error = assertThrows(EmbeddedKafkaException.class, () -> EmbeddedKafka.builder()
        .port(0).dataDir(dataDir).brokerConfig("num.io.threads", "many").start());
    assertTrue(error.getMessage().startsWith("Invalid embedded broker setting: "), error.getMessage());
    assertTrue(error.getMessage().contains("num.io.threads"), error.getMessage());
    assertTrue(Files.exists(dataDir.resolve(DataDirLock.FILE_NAME)));
    DataDirLock.acquire(dataDir).close();
  }

  @Test
  void unresolvableHostFailsClearly() {
    EmbeddedKafkaException error = assertThrows(EmbeddedKafkaException.class, () -> EmbeddedKafka.builder()
        .host("no-such-host.invalid").port(0).dataDir(dataDir).start());
    assertTrue(error.getMessage().contains("'no-such-host.invalid' does not resolve"), error.getMessage());
  }

  @Test
  void lockIsExclusiveUntilClosed() {
    try (DataDirLock first = DataDirLock.acquire(dataDir)) {
      EmbeddedKafkaException error = assertThrows(EmbeddedKafkaException.class,
          () -> DataDirLock.acquire(dataDir));
      assertTrue(error.getMessage().contains(dataDir + " is in use"), error.getMessage());
    }
    DataDirLock.acquire(dataDir).close();
  }
}
