package dev.chatstream.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ResourceProbeTest {

  @Test
  void reportsThePeakHeapAndTheProcessMemory() throws Exception {
    ResourceUse use;
    try (ResourceProbe probe = ResourceProbe.start()) {
      byte[][] garbage = new byte[64][];
      for (int i = 0; i < garbage.length; i++) {
        garbage[i] = new byte[1024 * 1024];
      }
      Thread.sleep(250);
      use = probe.stop();
      assertEquals(64, garbage.length);
    }

    assertTrue(use.peakHeapBytes() >= 64L * 1024 * 1024, "the 64 MiB allocated are in the peak: " + use);
    assertTrue(use.processCpuCores() >= 0, use.toString());
    assertTrue(use.gcPauseShare() >= 0 && use.gcPauseShare() <= 1, use.toString());
    if (Files.exists(Path.of("/proc/self/status"))) {
      assertTrue(use.peakRssBytes() >= use.peakHeapAfterGcBytes(), use.toString());
      assertTrue(use.rssSource().equals("VmHWM") || use.rssSource().equals("VmRSS sampled"), use.rssSource());
    }
  }
}
