package dev.chatstream.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * The CPU the bench's own clients use inside the process it measures: the threads of its load producer
 * ({@value #LOAD_CLIENT}…) and of its output consumers ({@code bench-…}). They stand for the users of a
 * chatstream deployment, which run elsewhere, so the chatstream process's cost per turn leaves them out.
 */
final class HarnessCpu {
  /** The client id prefix of the bench's producers. */
  static final String LOAD_CLIENT = "chatstream-bench-load";

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private HarnessCpu() {}

  /** CPU time used so far by the harness threads alive now, in nanoseconds; -1 when unknown. */
  static long nanos() {
    if (!THREADS.isThreadCpuTimeSupported() || !THREADS.isThreadCpuTimeEnabled()) {
      return -1;
    }
    long total = 0;
    for (Thread thread : Thread.getAllStackTraces().keySet()) {
      String name = thread.getName();
      if (name.startsWith("bench-") || name.contains(LOAD_CLIENT)) {
        long cpu = THREADS.getThreadCpuTime(thread.threadId());
        total += Math.max(0, cpu);
      }
    }
    return total;
  }
}
