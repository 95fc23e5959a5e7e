package dev.chatstream.llm.fallback;

import dev.chatstream.llm.LlmError;
import dev.chatstream.llm.LlmMetrics;
import dev.chatstream.llm.LlmRequest;
import dev.chatstream.llm.LlmStream;
import dev.chatstream.llm.LlmStreamListener;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Replays a request on an unavailable member in the background; a generation that completes without
 * error and without being cancelled makes the member available again. Its chunks and metrics are
 * dropped. At most one probe runs per member.
 */
final class RecoveryProbe implements LlmStreamListener {
  private final FallbackAdapter adapter;
  private final Member member;
  private final FallbackStream origin;
  private final AtomicBoolean finished = new AtomicBoolean();
  private volatile LlmStream stream;
  private volatile boolean cancelRequested;

  RecoveryProbe(FallbackAdapter adapter, Member member, FallbackStream origin) {
    this.adapter = adapter;
    this.member = member;
    this.origin = origin;
  }

  /** Starts the replay; a member that throws instead of streaming counts as a failed probe. */
  void start(LlmRequest request) {
    try {
      stream = member.llm().chat(request, this);
    } catch (RuntimeException e) {
      finish(false);
      return;
    }
    if (cancelRequested) {
      stream.cancel();
    }
  }

  /** Stops the replay; the member stays unavailable. */
  void cancel() {
    cancelRequested = true;
    LlmStream running = stream;
    if (running != null) {
      running.cancel();
    }
  }

  @Override
  public void onComplete(LlmMetrics metrics) {
    finish(!cancelRequested && (metrics == null || !metrics.cancelled()));
  }

  @Override
  public void onError(LlmError error) {
    finish(false);
  }

  private void finish(boolean recovered) {
    if (finished.compareAndSet(false, true)) {
      member.releaseProbe(this);
      if (recovered) {
        adapter.recovered(member, origin);
      }
    }
  }
}
