package dev.chatstream.llm.internal.retry;

import dev.chatstream.llm.ApiStatusException;
import dev.chatstream.llm.LlmError;
import dev.chatstream.llm.LlmException;
import dev.chatstream.llm.LlmMetrics;
import dev.chatstream.llm.LlmStream;
import dev.chatstream.llm.LlmStreamListener;
import dev.chatstream.llm.chat.Clock;
import dev.chatstream.llm.state.ProviderState;
import dev.chatstream.llm.stream.ChatChunk;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A generation run by the retry loop shared by every connector, on a thread of its own:
 * attempt {@code i = 0..max_retry}; status 499 ends quietly; a retryable failure that is not the last
 * attempt publishes {@code onRetry} (recoverable), waits (0.1 s before the first retry, then the retry
 * interval, or what a 429's {@code Retry-After} asks, at most {@link #MAX_RETRY_AFTER}) and tries again;
 * any other failure publishes {@code onError} (final). An attempt that already delivered a chunk with a
 * response is never retried. One {@link LlmMetrics} goes with {@code onComplete}.
 */
public final class RetryingStream implements LlmStream {

  /** The longest wait a {@code Retry-After} header can impose. */
  public static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(60);

  private static final Logger LOG = LoggerFactory.getLogger(RetryingStream.class);

  private final Generation generation;
  private final Attempt attempt;
  private final ExceptionMapper errors;
  private final LlmStreamListener listener;
  private final RetryWait retryWait;
  private final CountDownLatch cancelSignal = new CountDownLatch(1);
  private final AtomicReference<Runnable> cancelAction = new AtomicReference<>();
  private final AtomicBoolean done = new AtomicBoolean();
  private volatile boolean cancelled;
  private MetricsCollector metrics;

  private RetryingStream(
      Generation generation, Attempt attempt, ExceptionMapper errors, LlmStreamListener listener,
      RetryWait retryWait) {
    this.generation = generation;
    this.attempt = attempt;
    this.errors = errors;
    this.listener = new SafeListener(listener, generation.label());
    this.retryWait = retryWait;
  }

  /**
   * Starts a generation on a thread from {@code runtime} and returns at once.
   *
   * @param generation labels and connect options
   * @param attempt one try, run once per attempt
   * @param errors maps failures to error kinds, masking the provider's secrets
   * @param listener receives the events
   * @param runtime threads and retry waits
   */
  public static LlmStream start(
      Generation generation, Attempt attempt, ExceptionMapper errors, LlmStreamListener listener,
      ConnectorRuntime runtime) {
    RetryingStream stream = new RetryingStream(generation, attempt, errors, listener, runtime.retryWait());
    runtime.threads().newThread(stream::run).start();
    return stream;
  }

  @Override
  public void cancel() {
    if (done.get() || cancelled) {
      return;
    }
    cancelled = true;
    cancelSignal.countDown();
    Runnable action = cancelAction.get();
    if (action != null) {
      action.run();
    }
  }

  @Override
  public boolean isDone() {
    return done.get();
  }

  private void run() {
    metrics = new MetricsCollector(generation, System::nanoTime);
    try {
      runAttempts();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      complete(metrics.build(true));
    } catch (RuntimeException | Error e) {
      LOG.error("{}: generation {} failed unexpectedly", generation.label(), generation.requestId(), e);
      fail(errors.map(e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e))
          .toError(Clock.nowSeconds(), generation.label(), false, false));
    }
  }

  private void runAttempts() throws InterruptedException {
    int maxRetry = generation.connectOptions().maxRetry();
    for (int number = 0; number <= maxRetry; number++) {
      if (cancelled) {
        complete(metrics.build(true));
        return;
      }
      Context context = new Context();
      try {
        attempt.run(context);
        complete(metrics.build(cancelled));
        return;
      } catch (Exception failure) {
        if (cancelled) {
          complete(metrics.build(true));
          return;
        }
        if (!handleFailure(errors.map(failure), context, number)) {
          return;
        }
      } finally {
        cancelAction.set(null);
      }
    }
  }

  /** Handles a failed attempt; true when another attempt follows. */
  private boolean handleFailure(LlmException error, Context context, int number) throws InterruptedException {
    if (error instanceof ApiStatusException status && Integer.valueOf(499).equals(status.status())) {
      complete(metrics.build(false));
      return false;
    }
    int maxRetry = generation.connectOptions().maxRetry();
    boolean retryable = error.retryable() && !context.responseDelivered;
    if (!retryable || number == maxRetry) {
      LlmError last = finalError(error, retryable, number + 1);
      LOG.warn("{}: generation {} failed: {}", generation.label(), generation.requestId(), last.message());
      fail(last);
      return false;
    }
    listener.onRetry(error.toError(Clock.nowSeconds(), generation.label(), true, true));
    Duration delay = delayBeforeRetry(number + 1, error);
    LOG.warn("{}: failed to generate LLM completion (attempt {} of {}), retrying in {} s: {}",
        generation.label(), number + 1, maxRetry + 1, delay.toMillis() / 1000.0, error.getMessage());
    if (retryWait.await(delay, cancelSignal)) {
      complete(metrics.build(true));
      return false;
    }
    return true;
  }

  private LlmError finalError(LlmException error, boolean retryable, int attempts) {
    LlmError last = error.toError(Clock.nowSeconds(), generation.label(), retryable, false);
    if (!retryable || generation.connectOptions().maxRetry() == 0) {
      return last;
    }
    String message = "failed to generate LLM completion after " + attempts + " attempts: " + last.message();
    return new LlmError(last.timestamp(), last.label(), last.kind(), message, last.status(),
        last.providerRequestId(), last.body(), true, false);
  }

  private Duration delayBeforeRetry(int retry, LlmException error) {
    if (error instanceof ApiStatusException status && status.retryAfter() != null
        && Integer.valueOf(429).equals(status.status())) {
      return status.retryAfter().compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : status.retryAfter();
    }
    return generation.connectOptions().delayBeforeRetry(retry);
  }

  private void complete(LlmMetrics result) {
    if (done.compareAndSet(false, true)) {
      listener.onComplete(result);
    }
  }

  private void fail(LlmError error) {
    if (done.compareAndSet(false, true)) {
      listener.onError(error);
    }
  }

  private final class Context implements AttemptContext {
    private boolean responseDelivered;

    @Override
    public Duration timeout() {
      return generation.connectOptions().timeout();
    }

    @Override
    public void emit(ChatChunk chunk) {
      if (cancelled) {
        return;
      }
      responseDelivered |= chunk.hasResponse();
      metrics.record(chunk);
      listener.onChunk(chunk);
    }

    @Override
    public void notice(LlmException problem) {
      LOG.warn("{}: {}", generation.label(), problem.getMessage());
      listener.onRetry(problem.toError(Clock.nowSeconds(), generation.label(), true, true));
    }

    @Override
    public void reportState(ProviderState state) {
      listener.onProviderState(state);
    }

    @Override
    public boolean cancelled() {
      return cancelled;
    }

    @Override
    public void onCancel(Runnable action) {
      cancelAction.set(action);
      if (cancelled) {
        action.run();
      }
    }
  }
}
