package dev.chatstream.drills;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Where and how big a drill runs: {@code quick} (the size CI runs) or full, the seed of its random
 * moments, and the directory its broker, instances and logs live in.
 */
record DrillSetting(boolean quick, long seed, Path workDir) {
  /** A new random source from the seed, one per drill so drills do not shift each other's moments. */
  Random random() {
    return new Random(seed);
  }

  /** A fresh directory {@code name} under the work directory. */
  Path dir(String name) {
    try {
      Path dir = workDir.resolve(name);
      Files.createDirectories(dir);
      return Files.createTempDirectory(dir, "run-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code full} or {@code quick} by the size asked for. */
  int pick(int full, int quickValue) {
    return quick ? quickValue : full;
  }

  /** A free loopback port. */
  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
