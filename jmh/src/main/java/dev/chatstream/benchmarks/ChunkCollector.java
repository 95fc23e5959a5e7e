package dev.chatstream.benchmarks;

import dev.chatstream.llm.LlmError;
import dev.chatstream.llm.LlmMetrics;
import dev.chatstream.llm.LlmStreamListener;
import dev.chatstream.llm.stream.ChatChunk;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** A listener that counts the chunks of one stream and lets the caller wait for its end. */
final class ChunkCollector implements LlmStreamListener {
  private final CountDownLatch done = new CountDownLatch(1);
  private int chunks;
  private volatile LlmError error;

  @Override
  public void onChunk(ChatChunk chunk) {
    chunks++;
  }

  @Override
  public void onComplete(LlmMetrics metrics) {
    done.countDown();
  }

  @Override
  public void onError(LlmError error) {
    this.error = error;
    done.countDown();
  }

  /**
   * Waits for the end of the stream.
   *
   * @return the number of chunks
   * @throws IllegalStateException when the stream failed or did not end within {@code timeout}
   */
  int await(Duration timeout) throws InterruptedException {
    if (!done.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new IllegalStateException("the stream did not end within " + timeout);
    }
    if (error != null) {
      throw new IllegalStateException("the stream failed: " + error);
    }
    return chunks;
  }
}
