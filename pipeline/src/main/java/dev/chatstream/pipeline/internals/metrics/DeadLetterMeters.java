package dev.chatstream.pipeline.internals.metrics;

import dev.chatstream.pipeline.internals.errors.DeadLetterCounter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code chatstream.dlq.records}, by {@code chatstream.dlq.reason}: the topology's dead letters and
 * those of Kafka Streams' processing exception handler count into the same meters.
 */
public final class DeadLetterMeters implements DeadLetterCounter {
  private final MeterRegistry registry;
  private final Map<String, Counter> byReason = new ConcurrentHashMap<>();

  /** Counters registered in {@code registry}. */
  public DeadLetterMeters(MeterRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void deadLetter(String reason) {
    byReason.computeIfAbsent(reason, r -> Counter.builder("chatstream.dlq.records")
        .description("Input records sent to the dead-letter topic").baseUnit("records")
        .tag("chatstream.dlq.reason", r).register(registry)).increment();
  }
}
