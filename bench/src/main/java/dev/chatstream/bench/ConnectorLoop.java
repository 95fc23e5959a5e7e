package dev.chatstream.bench;

import dev.chatstream.llm.LlmError;
import dev.chatstream.llm.LlmMetrics;
import dev.chatstream.llm.LlmProvider;
import dev.chatstream.llm.LlmRequest;
import dev.chatstream.llm.LlmStreamListener;
import dev.chatstream.llm.chat.ChatContext;
import dev.chatstream.llm.chat.ChatMessage;
import dev.chatstream.llm.chat.ChatRole;
import dev.chatstream.llm.stream.ChatChunk;
import java.time.Duration;
import java.util.concurrent.atomic.LongAdder;

/**
 * The connector alone, without Kafka: keeps a number of generations streaming from the provider,
 * starting the next as each ends, and counts chunks and completions. What a phase measures through
 * the pipeline is compared with this, on the same machine and server.
 */
final class ConnectorLoop implements AutoCloseable {
  private final LlmProvider provider;
  private final LlmRequest request =
      LlmRequest.of("bench-direct", ChatContext.of(ChatMessage.of(ChatRole.USER, BenchEvents.USER_TEXT)));
  private final LongAdder chunks = new LongAdder();
  private final LongAdder completed = new LongAdder();
  private volatile boolean running = true;

  private ConnectorLoop(LlmProvider provider) {
    this.provider = provider;
  }

  /** Starts {@code inflight} generations on {@code provider}, spread over {@code span}. */
  static ConnectorLoop start(LlmProvider provider, int inflight, Duration span) {
    ConnectorLoop loop = new ConnectorLoop(provider);
    Stagger.over(span, inflight, generation -> loop.startOne());
    return loop;
  }

  long chunks() {
    return chunks.sum();
  }

  long completed() {
    return completed.sum();
  }

  /** Starts no more generations; those streaming finish. */
  @Override
  public void close() {
    running = false;
  }

  private void startOne() {
    provider.chat(request, new LlmStreamListener() {
      @Override
      public void onChunk(ChatChunk chunk) {
        chunks.increment();
      }

      @Override
      public void onComplete(LlmMetrics metrics) {
        completed.increment();
        next();
      }

      @Override
      public void onError(LlmError error) {
        next();
      }
    });
  }

  private void next() {
    if (running) {
      startOne();
    }
  }
}
