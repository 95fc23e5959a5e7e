package dev.chatstream.bench;

import dev.chatstream.events.ChatChunk;
import dev.chatstream.events.LLMError;
import dev.chatstream.events.LLMMetrics;
import dev.chatstream.events.ReplyCompleted;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Watches the pipeline's output for what the TTFT phase awaits of a request: its first chunk, its
 * end (a completed reply or a final error) and its metrics. The three are on different topics, so
 * they may arrive in any order.
 */
final class FirstChunks implements OutputTap.Listener {

  /** One awaited request. */
  record Awaited(CompletableFuture<OutputEvent> firstChunk, CompletableFuture<Void> end,
      CompletableFuture<LLMMetrics> metrics) {}

  private final Map<String, Awaited> awaited = new ConcurrentHashMap<>();

  /** Starts watching for {@code requestId}; call before producing its {@code generate_reply}. */
  Awaited expect(String requestId) {
    Awaited entry = new Awaited(new CompletableFuture<>(), new CompletableFuture<>(), new CompletableFuture<>());
    awaited.put(requestId, entry);
    return entry;
  }

  /** Stops watching for {@code requestId}. */
  void forget(String requestId) {
    awaited.remove(requestId);
  }

  @Override
  public void onEvent(OutputEvent received) {
    switch (received.event()) {
      case ChatChunk chunk -> find(chunk.getRequestId()).ifPresent(entry -> entry.firstChunk().complete(received));
      case LLMMetrics metrics -> find(metrics.getRequestId()).ifPresent(entry -> entry.metrics().complete(metrics));
      case ReplyCompleted reply -> find(reply.getRequestId()).ifPresent(entry -> entry.end().complete(null));
      case LLMError error when !error.getRecoverable() -> find(error.getRequestId()).ifPresent(entry -> {
        IllegalStateException failure =
            new IllegalStateException("request " + error.getRequestId() + " failed: " + error.getError().getMessage());
        entry.firstChunk().completeExceptionally(failure);
        entry.end().completeExceptionally(failure);
      });
      default -> { }
    }
  }

  private Optional<Awaited> find(String requestId) {
    return Optional.ofNullable(awaited.get(requestId));
  }
}
