package dev.chatstream.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.OptionalDouble;
import org.apache.kafka.streams.KafkaStreams;

/**
 * Reads how long the stream threads spend in one call, from Kafka Streams' own task metrics
 * ({@code process-latency-max/avg} and {@code punctuate-latency-max/avg}, in nanoseconds, recorded
 * when {@code metrics.recording.level} is DEBUG), and how much CPU they use, from JMX. The latency
 * maxima are windowed by Kafka (30 s samples), so {@link #sample()} must be called at least every
 * few seconds; it keeps the largest value seen since {@link #reset()}.
 */
final class StreamThreadProbe {
  private static final String TASK_GROUP = "stream-task-metrics";

  private final KafkaStreams streams;
  private final String applicationId;
  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
  private double longestProcessNanos = -1;
  private double longestPunctuateNanos = -1;
  private double processAvgSum;
  private double punctuateAvgSum;
  private int processAvgSamples;
  private int punctuateAvgSamples;
  private long cpuStartNanos;
  private long wallStartNanos;

  StreamThreadProbe(KafkaStreams streams, String applicationId) {
    this.streams = streams;
    this.applicationId = applicationId;
  }

  /** Starts a new window: forgets the maxima seen so far and takes the CPU time now. */
  synchronized void reset() {
    longestProcessNanos = -1;
    longestPunctuateNanos = -1;
    processAvgSum = 0;
    punctuateAvgSum = 0;
    processAvgSamples = 0;
    punctuateAvgSamples = 0;
    cpuStartNanos = streamThreadCpuNanos();
    wallStartNanos = System.nanoTime();
  }

  /** Reads the current maxima. */
  synchronized void sample() {
    longestProcessNanos = Math.max(longestProcessNanos,
        StreamsMetricValues.max(streams, TASK_GROUP, "process-latency-max").orElse(-1));
    longestPunctuateNanos = Math.max(longestPunctuateNanos,
        StreamsMetricValues.max(streams, TASK_GROUP, "punctuate-latency-max").orElse(-1));
    OptionalDouble process = StreamsMetricValues.mean(streams, TASK_GROUP, "process-latency-avg");
    if (process.isPresent()) {
      processAvgSum += process.getAsDouble();
      processAvgSamples++;
    }
    OptionalDouble punctuate = StreamsMetricValues.mean(streams, TASK_GROUP, "punctuate-latency-avg");
    if (punctuate.isPresent()) {
      punctuateAvgSum += punctuate.getAsDouble();
      punctuateAvgSamples++;
    }
  }

  /** The load since {@link #reset()}. */
  synchronized StreamThreadLoad load() {
    sample();
    long cpu = streamThreadCpuNanos();
    long wall = System.nanoTime() - wallStartNanos;
    double cpuShare = cpu < 0 || cpuStartNanos < 0 || wall <= 0 ? -1 : (double) (cpu - cpuStartNanos) / wall;
    return new StreamThreadLoad(millis(longestProcessNanos), millis(longestPunctuateNanos),
        processAvgSamples == 0 ? -1 : millis(processAvgSum / processAvgSamples),
        punctuateAvgSamples == 0 ? -1 : millis(punctuateAvgSum / punctuateAvgSamples), cpuShare);
  }

  private static double millis(double nanos) {
    return nanos < 0 ? -1 : nanos / 1e6;
  }

  /** CPU time of this application's stream threads, or -1 when not measured. */
  private long streamThreadCpuNanos() {
    if (!threads.isThreadCpuTimeSupported() || !threads.isThreadCpuTimeEnabled()) {
      return -1;
    }
    long total = 0;
    for (Thread thread : streamThreads()) {
      long cpu = threads.getThreadCpuTime(thread.threadId());
      total += Math.max(cpu, 0);
    }
    return total;
  }

  private List<Thread> streamThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(thread -> thread.getName().startsWith(applicationId) && thread.getName().contains("-StreamThread-"))
        .toList();
  }
}
