package dev.chatstream.pipeline.broker;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.metadata.properties.MetaPropertiesEnsemble;
import org.apache.kafka.metadata.storage.Formatter;

/**
 * The broker's data directory: formatted once (a new cluster id in {@code meta.properties}), reused as it
 * is on every later start.
 */
final class BrokerStorage {

  private BrokerStorage() {}

  /** Formats {@code dir} when it holds no {@code meta.properties} yet; returns the stored cluster id. */
  static String formatIfNeeded(Path dir) {
    try {
      Files.createDirectories(dir);
      MetaPropertiesEnsemble stored = new MetaPropertiesEnsemble.Loader()
          .addMetadataLogDir(dir.toString())
          .addLogDirs(List.of(dir.toString()))
          .load();
      if (stored.emptyLogDirs().isEmpty() && stored.clusterId().isPresent()) {
        return stored.clusterId().get();
      }
      String clusterId = Uuid.randomUuid().toString();
      format(dir, clusterId);
      return clusterId;
    } catch (Exception e) {
      throw new EmbeddedKafkaException("Cannot use " + dir + " as the embedded broker's data directory: "
          + e.getMessage(), e);
    }
  }

  private static void format(Path dir, String clusterId) throws Exception {
    try (PrintStream silent = new PrintStream(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8)) {
      new Formatter()
          .setPrintStream(silent)
          .setNodeId(BrokerSettings.NODE_ID)
          .setClusterId(clusterId)
          .setDirectories(List.of(dir.toString()))
          .setMetadataLogDirectory(dir.toString())
          .setControllerListenerName(BrokerSettings.CONTROLLER_LISTENER)
          .run();
    }
  }
}
