package dev.chatstream.llm.fallback;

import dev.chatstream.llm.AvailabilityChanged;
import dev.chatstream.llm.LlmError;
import dev.chatstream.llm.LlmMetrics;
import dev.chatstream.llm.LlmStream;
import dev.chatstream.llm.LlmStreamListener;
import dev.chatstream.llm.state.ProviderState;
import dev.chatstream.llm.stream.ChatChunk;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One member's try at a fallback request: forwards the member's events to the request and reports how
 * the member ended. Events the member sends after its own end are ignored.
 */
final class Attempt implements LlmStreamListener {
  private final FallbackStream request;
  private final Member member;
  private final AtomicBoolean ended = new AtomicBoolean();
  private volatile LlmStream stream;
  private volatile boolean cancelRequested;

  Attempt(FallbackStream request, Member member) {
    this.request = request;
    this.member = member;
  }

  Member member() {
    return member;
  }

  /** Binds the member's stream, cancelling it at once when the request was cancelled meanwhile. */
  void attach(LlmStream memberStream) {
    stream = memberStream;
    if (cancelRequested) {
      memberStream.cancel();
    }
  }

  /** Cancels the member's stream now, or as soon as it is attached. */
  void cancel() {
    cancelRequested = true;
    LlmStream memberStream = stream;
    if (memberStream != null) {
      memberStream.cancel();
    }
  }

  @Override
  public void onChunk(ChatChunk chunk) {
    if (!ended.get()) {
      request.memberChunk(chunk);
    }
  }

  @Override
  public void onRetry(LlmError error) {
    if (!ended.get()) {
      request.memberRetry(error);
    }
  }

  @Override
  public void onAvailabilityChanged(AvailabilityChanged change) {
    request.availabilityChanged(change);
  }

  @Override
  public void onProviderState(ProviderState state) {
    if (!ended.get()) {
      request.memberState(state);
    }
  }

  @Override
  public void onComplete(LlmMetrics metrics) {
    if (ended.compareAndSet(false, true)) {
      request.memberCompleted(this, metrics);
    }
  }

  @Override
  public void onError(LlmError error) {
    if (ended.compareAndSet(false, true)) {
      request.memberFailed(this, error);
    }
  }
}
