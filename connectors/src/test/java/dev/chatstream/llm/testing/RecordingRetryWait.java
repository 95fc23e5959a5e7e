package dev.chatstream.llm.testing;

import dev.chatstream.llm.internal.retry.RetryWait;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/** A {@link RetryWait} that records every requested delay and returns at once. */
public final class RecordingRetryWait implements RetryWait {

  private final List<Duration> delays = new ArrayList<>();
  private Runnable onWait = () -> {};

  @Override
  public synchronized boolean await(Duration delay, CountDownLatch cancelled) {
    delays.add(delay);
    onWait.run();
    return cancelled.getCount() == 0;
  }

  /** Runs {@code action} during each wait (for example, cancelling the stream). */
  public synchronized RecordingRetryWait during(Runnable action) {
    this.onWait = action;
    return this;
  }

  /** The delays requested so far. */
  public synchronized List<Duration> delays() {
    return List.copyOf(delays);
  }
}
