package dev.chatstream.drills;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/** Looks for secrets, byte for byte: in every record of every topic of a broker, and in files. */
final class CanaryScan {
  private final List<byte[]> canaries;

  CanaryScan(List<String> canaries) {
    this.canaries = canaries.stream().map(c -> c.getBytes(StandardCharsets.UTF_8)).toList();
  }

  /** Every topic of the broker, internal ones included (changelogs, offsets, transactions). */
  static Set<String> topics(String bootstrapServers) {
    try (Admin admin = Admin.create(java.util.Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
      return admin.listTopics(new ListTopicsOptions().listInternal(true)).names().get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException("could not list the topics", e.getCause());
    }
  }

  /** The records of {@code topics} (aborted ones too) that hold a canary in key, value or headers, as topic/partition/offset. */
  List<String> inTopics(String bootstrapServers, Set<String> topics, long[] read) {
    List<String> found = new ArrayList<>();
    for (ConsumerRecord<byte[], byte[]> record : TopicReader.readAll(bootstrapServers, topics, "read_uncommitted")) {
      read[0]++;
      boolean hit = holds(record.key()) || holds(record.value());
      for (Header header : record.headers()) {
        hit |= holds(header.value()) || holds(header.key().getBytes(StandardCharsets.UTF_8));
      }
      if (hit) {
        found.add(record.topic() + "/" + record.partition() + "@" + record.offset());
      }
    }
    return found;
  }

  /** The files under {@code dir} that hold a canary. */
  List<String> inFiles(Path dir, long[] scanned) {
    List<String> found = new ArrayList<>();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        scanned[0]++;
        try {
          if (holds(Files.readAllBytes(file))) {
            found.add(dir.relativize(file).toString());
          }
        } catch (IOException e) {
          // a file that went away while the instance runs (a rolled segment, a RocksDB log)
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return found;
  }

  boolean holds(byte[] bytes) {
    if (bytes == null) {
      return false;
    }
    String text = new String(bytes, StandardCharsets.ISO_8859_1);
    for (byte[] canary : canaries) {
      if (text.contains(new String(canary, StandardCharsets.ISO_8859_1))) {
        return true;
      }
    }
    return false;
  }
}
