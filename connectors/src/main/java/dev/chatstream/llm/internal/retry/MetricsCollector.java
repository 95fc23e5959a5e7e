package dev.chatstream.llm.internal.retry;

import dev.chatstream.llm.LlmMetrics;
import dev.chatstream.llm.chat.Clock;
import dev.chatstream.llm.stream.ChatChunk;
import dev.chatstream.llm.stream.CompletionUsage;
import java.util.function.LongSupplier;

/**
 * Builds the one {@link LlmMetrics} of a generation from the chunks it delivered, across attempts:
 * TTFT from the start to the first chunk with a response, usage from the last usage chunk.
 */
final class MetricsCollector {

  private final Generation generation;
  private final LongSupplier nanoTime;
  private final long startNanos;
  private boolean anyChunk;
  private long firstResponseNanos = -1;
  private CompletionUsage usage;

  MetricsCollector(Generation generation, LongSupplier nanoTime) {
    this.generation = generation;
    this.nanoTime = nanoTime;
    this.startNanos = nanoTime.getAsLong();
  }

  void record(ChatChunk chunk) {
    anyChunk = true;
    if (firstResponseNanos < 0 && chunk.hasResponse()) {
      firstResponseNanos = nanoTime.getAsLong();
    }
    if (chunk.usage() != null) {
      usage = chunk.usage();
    }
  }

  /** The metrics, or null when no chunk arrived. */
  LlmMetrics build(boolean cancelled) {
    if (!anyChunk) {
      return null;
    }
    double duration = seconds(nanoTime.getAsLong() - startNanos);
    double ttft = firstResponseNanos < 0 ? -1 : seconds(firstResponseNanos - startNanos);
    CompletionUsage counts = usage != null ? usage : CompletionUsage.of(0, 0, 0);
    double tokensPerSecond = duration > 0 ? counts.completionTokens() / duration : 0;
    return new LlmMetrics(
        generation.label(),
        generation.requestId(),
        Clock.nowSeconds(),
        duration,
        ttft,
        cancelled,
        counts.completionTokens(),
        counts.promptTokens(),
        counts.promptCachedTokens(),
        counts.cacheCreationTokens(),
        counts.totalTokens(),
        tokensPerSecond,
        generation.model(),
        generation.provider());
  }

  private static double seconds(long nanos) {
    return nanos / 1_000_000_000.0;
  }
}
