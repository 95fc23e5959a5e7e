package dev.chatstream.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * How many more loopback streams this process can open. Each stream holds one file descriptor here,
 * or two when the simulated server runs in this process too, so the open-file limit bounds the
 * generations one bench process can keep in flight. Linux only; elsewhere the limit is unknown.
 */
final class OpenFiles {
  /** Descriptors left for Kafka, RocksDB, jars and logs. */
  private static final int RESERVE = 1_500;

  private OpenFiles() {}

  /**
   * Streams of {@code perStream} descriptors each that still fit under the open-file limit, or
   * {@link Integer#MAX_VALUE} when unknown.
   */
  static int streamCapacity(int perStream) {
    return streamCapacity(softLimit(), openNow(), perStream);
  }

  /** Streams that fit when {@code open} of {@code limit} descriptors are taken (negative: unknown). */
  static int streamCapacity(long limit, long open, int perStream) {
    if (limit < 0 || open < 0) {
      return Integer.MAX_VALUE;
    }
    return (int) Math.min(Integer.MAX_VALUE, Math.max(0, (limit - open - RESERVE) / perStream));
  }

  /** The soft open-file limit, or -1 when unknown. */
  static long softLimit() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/limits"))) {
        if (line.startsWith("Max open files")) {
          String[] parts = line.substring("Max open files".length()).trim().split("\\s+");
          return parts[0].equals("unlimited") ? Long.MAX_VALUE / 4 : Long.parseLong(parts[0]);
        }
      }
    } catch (IOException | NumberFormatException e) {
      return -1;
    }
    return -1;
  }

  private static long openNow() {
    try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
      return fds.count();
    } catch (IOException e) {
      return -1;
    }
  }
}
