package dev.chatstream.bench;

import dev.chatstream.events.LLMMetrics;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The TTFT phase's samples, from every worker: connector and pipeline TTFT in pairs, their
 * difference, and where each pipeline sample's time went (from its first chunk record's timestamp
 * and the generation's metrics, at 1 ms resolution).
 */
final class TtftSamples {
  private final Samples connector = new Samples();
  private final Samples pipeline = new Samples();
  private final Samples overhead = new Samples();
  private final Samples requestIn = new Samples();
  private final Samples connectorInPipeline = new Samples();
  private final Samples drain = new Samples();
  private final Samples chunkOut = new Samples();
  private final AtomicInteger failed = new AtomicInteger();

  /**
   * One pipeline sample.
   *
   * @param ttftNanos from producing {@code generate_reply} to receiving the first chunk
   * @param sentMs when {@code generate_reply} was produced (wall clock)
   * @param firstChunk the first chunk as received
   * @param metrics the generation's metrics, or null when they came too late
   */
  record PipelineSample(long ttftNanos, long sentMs, OutputEvent firstChunk, LLMMetrics metrics) {}

  /** Adds a pair: the connector's TTFT and the pipeline's sample. */
  void add(long connectorNanos, PipelineSample sample) {
    connector.add(connectorNanos);
    pipeline.add(sample.ttftNanos());
    overhead.add(sample.ttftNanos() - connectorNanos);
    LLMMetrics metrics = sample.metrics();
    if (metrics != null) {
      long connectorStart = Math.round((metrics.getTimestamp() - metrics.getDuration()) * 1000);
      long connectorFirst = connectorStart + Math.round(metrics.getTtft() * 1000);
      requestIn.addMillis(connectorStart - sample.sentMs());
      connectorInPipeline.addMillis(connectorFirst - connectorStart);
      drain.addMillis(sample.firstChunk().recordTimestampMs() - connectorFirst);
      chunkOut.addMillis(sample.firstChunk().receivedMs() - sample.firstChunk().recordTimestampMs());
    }
  }

  /** Counts a pair that got no answer in time. */
  void addFailure() {
    failed.incrementAndGet();
  }

  int size() {
    return pipeline.size();
  }

  int failed() {
    return failed.get();
  }

  LatencySummary connector() {
    return connector.summary();
  }

  LatencySummary pipeline() {
    return pipeline.summary();
  }

  LatencySummary overhead() {
    return overhead.summary();
  }

  /** Where the pipeline's time went, or null when no sample had its metrics. */
  TtftStages stages() {
    return requestIn.size() == 0 ? null
        : new TtftStages(requestIn.summary(), connectorInPipeline.summary(), drain.summary(), chunkOut.summary());
  }
}
