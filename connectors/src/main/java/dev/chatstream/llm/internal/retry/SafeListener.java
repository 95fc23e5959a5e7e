package dev.chatstream.llm.internal.retry;

import dev.chatstream.llm.AvailabilityChanged;
import dev.chatstream.llm.LlmError;
import dev.chatstream.llm.LlmMetrics;
import dev.chatstream.llm.LlmStreamListener;
import dev.chatstream.llm.state.ProviderState;
import dev.chatstream.llm.stream.ChatChunk;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A listener whose exceptions are logged and swallowed, so a faulty listener never breaks a stream. */
final class SafeListener implements LlmStreamListener {

  private static final Logger LOG = LoggerFactory.getLogger(SafeListener.class);

  private final LlmStreamListener delegate;
  private final String label;

  SafeListener(LlmStreamListener delegate, String label) {
    this.delegate = delegate;
    this.label = label;
  }

  @Override
  public void onChunk(ChatChunk chunk) {
    guard("onChunk", () -> delegate.onChunk(chunk));
  }

  @Override
  public void onRetry(LlmError error) {
    guard("onRetry", () -> delegate.onRetry(error));
  }

  @Override
  public void onAvailabilityChanged(AvailabilityChanged change) {
    guard("onAvailabilityChanged", () -> delegate.onAvailabilityChanged(change));
  }

  @Override
  public void onProviderState(ProviderState state) {
    guard("onProviderState", () -> delegate.onProviderState(state));
  }

  @Override
  public void onComplete(LlmMetrics metrics) {
    guard("onComplete", () -> delegate.onComplete(metrics));
  }

  @Override
  public void onError(LlmError error) {
    guard("onError", () -> delegate.onError(error));
  }

  private void guard(String event, Runnable call) {
    try {
      call.run();
    } catch (RuntimeException e) {
      LOG.error("{}: stream listener failed in {}", label, event, e);
    }
  }
}
