package dev.chatstream.pipeline.internals.reprocess;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.errors.GroupIdNotFoundException;

/**
 * Deletes what a run left, so that {@code --restart} starts it over: its topics, Kafka Streams'
 * internal topics and consumer group of its application id, and its local state directory.
 */
final class RunCleanup {
  private static final Duration DELETION_TIMEOUT = Duration.ofSeconds(60);

  private final Properties clientProperties;
  private final String applicationId;
  private final Path stateDir;

  RunCleanup(Properties clientProperties, String applicationId, Path stateDir) {
    this.clientProperties = clientProperties;
    this.applicationId = applicationId;
    this.stateDir = stateDir;
  }

  /** Deletes {@code runTopics} (those that exist), the application's internal topics, group and state. */
  void delete(List<String> runTopics) {
    try (Admin admin = Admin.create(clientProperties)) {
      Set<String> existing = admin.listTopics().names().get();
      List<String> doomed = new ArrayList<>();
      for (String topic : existing) {
        if (runTopics.contains(topic) || topic.startsWith(applicationId + "-")) {
          doomed.add(topic);
        }
      }
      if (!doomed.isEmpty()) {
        admin.deleteTopics(doomed).all().get();
        awaitGone(admin, doomed);
      }
      try {
        admin.deleteConsumerGroups(List.of(applicationId)).all().get();
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof GroupIdNotFoundException)) {
          throw e;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while deleting the run", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("deleting the run failed: " + e.getCause().getMessage(), e.getCause());
    }
    deleteRecursively(stateDir.resolve(applicationId));
  }

  private static void awaitGone(Admin admin, List<String> topics) throws InterruptedException, ExecutionException {
    Instant deadline = Instant.now().plus(DELETION_TIMEOUT);
    while (admin.listTopics().names().get().stream().anyMatch(topics::contains)) {
      if (Instant.now().isAfter(deadline)) {
        throw new IllegalStateException("the run's topics were not deleted within " + DELETION_TIMEOUT);
      }
      Thread.sleep(100);
    }
  }

  private static void deleteRecursively(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + dir, e);
    }
  }
}
