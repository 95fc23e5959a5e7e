package dev.chatstream.drills;

import dev.chatstream.pipeline.broker.EmbeddedKafka;
import java.nio.file.Path;

/** The embedded KRaft broker in the drill's own process, on a free port, its log under {@code dir}. */
final class DrillBroker implements AutoCloseable {
  private final EmbeddedKafka kafka;

  private DrillBroker(EmbeddedKafka kafka) {
    this.kafka = kafka;
  }

  static DrillBroker start(Path dir) {
    return new DrillBroker(EmbeddedKafka.builder().port(0).host("localhost").dataDir(dir.resolve("kafka")).start());
  }

  String bootstrapServers() {
    return kafka.bootstrapServers();
  }

  @Override
  public void close() {
    kafka.close();
  }
}
