package dev.chatstream.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class OpenFilesTest {

  @Test
  void everyStreamTakesItsDescriptorsAfterAReserve() {
    assertEquals(18_300, OpenFiles.streamCapacity(20_000, 200, 1));
    assertEquals(9_150, OpenFiles.streamCapacity(20_000, 200, 2));
    assertEquals(0, OpenFiles.streamCapacity(1_024, 200, 1), "a small limit leaves no room, never a negative count");
  }

  @Test
  void anUnknownLimitDoesNotBoundTheStreams() {
    assertEquals(Integer.MAX_VALUE, OpenFiles.streamCapacity(-1, 200, 2));
    assertEquals(Integer.MAX_VALUE, OpenFiles.streamCapacity(20_000, -1, 2));
    assertEquals(Integer.MAX_VALUE, OpenFiles.streamCapacity(Long.MAX_VALUE / 4, 10, 2));
  }

  @Test
  void thisProcessHasALimitOnLinux() {
    if (java.nio.file.Files.exists(java.nio.file.Path.of("/proc/self/limits"))) {
      assertTrue(OpenFiles.softLimit() > 0);
      assertTrue(OpenFiles.streamCapacity(1) < Integer.MAX_VALUE);
    }
  }
}
