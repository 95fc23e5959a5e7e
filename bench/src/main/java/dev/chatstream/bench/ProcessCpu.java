package dev.chatstream.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;

/** The CPU time this process has used, where the JVM reports it. */
final class ProcessCpu {
  private static final OperatingSystemMXBean OS = ManagementFactory.getOperatingSystemMXBean();

  private ProcessCpu() {}

  /** CPU time used by every thread of the process so far, in nanoseconds; -1 when unknown. */
  static long nanos() {
    return OS instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : -1;
  }

  /** Milliseconds of CPU per unit of work between two readings; -1 when unknown or nothing was done. */
  static double millisPer(long startNanos, long endNanos, long units) {
    return startNanos < 0 || endNanos < 0 || units <= 0 ? -1 : (endNanos - startNanos) / 1e6 / units;
  }
}
