package dev.chatstream.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.lang.management.OperatingSystemMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Watches the process while a phase runs: heap in use and heap left after collections (JMX, sampled
 * every 100 ms), resident memory (Linux {@code /proc/self/status}: the high-water mark
 * {@code VmHWM}, reset at the start through {@code /proc/self/clear_refs}, or sampled {@code VmRSS}
 * when the reset is not allowed), garbage-collection pauses, the process's CPU time and the machine's
 * load average.
 */
final class ResourceProbe implements AutoCloseable {
  private static final Path STATUS = Path.of("/proc/self/status");
  private static final Path CLEAR_REFS = Path.of("/proc/self/clear_refs");
  private static final long INTERVAL_MS = 100;

  private final List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
      .filter(pool -> pool.getType() == MemoryType.HEAP)
      .toList();
  private final boolean highWaterReset;
  private final AtomicLong peakHeap = new AtomicLong();
  private final AtomicLong peakHeapAfterGc = new AtomicLong();
  private final AtomicLong peakRss = new AtomicLong();
  private final OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
  private final long startNanos = System.nanoTime();
  private final long startCpuNanos = ProcessCpu.nanos();
  private final GcPauses gcPauses = new GcPauses();
  private final Thread sampler;
  private double loadSum;
  private int loadSamples;
  private volatile boolean running = true;

  private ResourceProbe() {
    highWaterReset = resetHighWaterMark();
    sample();
    sampler = Thread.ofPlatform().daemon().name("bench-memory").start(this::run);
  }

  /** Starts watching. */
  static ResourceProbe start() {
    return new ResourceProbe();
  }

  /** Stops watching and returns the peaks and averages. */
  ResourceUse stop() {
    close();
    sample();
    long wall = System.nanoTime() - startNanos;
    long cpu = ProcessCpu.nanos();
    double cores = cpu < 0 || startCpuNanos < 0 ? -1 : (double) (cpu - startCpuNanos) / wall;
    double load;
    synchronized (this) {
      load = loadSamples == 0 ? -1 : loadSum / loadSamples;
    }
    double gcShare = gcPauses.totalMs() * 1e6 / wall;
    long rss = peakRss.get();
    String rssSource = rss > 0 ? "VmRSS sampled" : "unavailable";
    if (highWaterReset && statusKilobytes("VmHWM:") > 0) {
      rss = statusKilobytes("VmHWM:") * 1024;
      rssSource = "VmHWM";
    }
    return new ResourceUse(peakHeap.get(), peakHeapAfterGc.get(), rss, rssSource, gcPauses.longestMs(), gcShare,
        cores, load);
  }

  @Override
  public void close() {
    gcPauses.close();
    running = false;
    sampler.interrupt();
    try {
      sampler.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void run() {
    while (running) {
      sample();
      try {
        Thread.sleep(INTERVAL_MS);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private void sample() {
    peakHeap.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
    long afterGc = 0;
    for (MemoryPoolMXBean pool : heapPools) {
      MemoryUsage usage = pool.getCollectionUsage();
      afterGc += usage == null ? 0 : usage.getUsed();
    }
    peakHeapAfterGc.accumulateAndGet(afterGc, Math::max);
    peakRss.accumulateAndGet(statusKilobytes("VmRSS:") * 1024, Math::max);
    double load = os.getSystemLoadAverage();
    if (load >= 0) {
      synchronized (this) {
        loadSum += load;
        loadSamples++;
      }
    }
  }

  private static boolean resetHighWaterMark() {
    try {
      Files.writeString(CLEAR_REFS, "5");
      return true;
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      return false;
    }
  }

  /** A {@code kB} line of {@code /proc/self/status}, or 0 when there is none. */
  private static long statusKilobytes(String field) {
    try {
      for (String line : Files.readAllLines(STATUS)) {
        if (line.startsWith(field)) {
          return Long.parseLong(line.substring(field.length()).replace("kB", "").strip());
        }
      }
    } catch (IOException | NumberFormatException e) {
      return 0;
    }
    return 0;
  }
}
