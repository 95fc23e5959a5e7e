package dev.chatstream.llm.fallback;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatstream.llm.ErrorKind;
import dev.chatstream.llm.LlmError;
import dev.chatstream.llm.LlmMetrics;
import dev.chatstream.llm.LlmProvider;
import dev.chatstream.llm.LlmRequest;
import dev.chatstream.llm.LlmStream;
import dev.chatstream.llm.LlmStreamListener;
import dev.chatstream.llm.RecordingListener;
import dev.chatstream.llm.chat.Clock;
import dev.chatstream.llm.state.ProviderState;
import dev.chatstream.llm.stream.ChatChunk;
import dev.chatstream.llm.stream.ChoiceDelta;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A test double of a connector: each {@code chat} plays a script (text chunks, retries, a failure,
 * waits on a gate) on its own virtual thread, then completes with metrics. Calls take the queued
 * scripts in order; the last one repeats.
 */
final class ScriptedProvider implements LlmProvider {

  /** One step of a script. */
  sealed interface Step {}

  /** A text chunk. */
  record Text(String text) implements Step {}

  /** A recoverable error ({@code onRetry}). */
  record Retry(String message) implements Step {}

  /** The final error ({@code onError}); nothing runs after it. */
  record Fail(String message) implements Step {}

  /** Reports a provider state ({@code onProviderState}). */
  record State(ProviderState state) implements Step {}

  /** Waits until the gate opens or the stream is cancelled. */
  record Await(CountDownLatch gate) implements Step {}

  /** What one call plays. */
  record Script(List<Step> steps) {
    static Script of(Step... steps) {
      return new Script(List.of(steps));
    }

    /** Text chunks, then completion. */
    static Script replies(String... texts) {
      return new Script(Arrays.stream(texts).<Step>map(Text::new).toList());
    }

    /** A failure before any chunk. */
    static Script fails(String message) {
      return of(new Fail(message));
    }

    /** Text chunks, then a wait that only cancellation ends. */
    static Script hangsAfter(String... texts) {
      List<Step> steps = new ArrayList<>(replies(texts).steps());
      steps.add(new Await(new CountDownLatch(1)));
      return new Script(steps);
    }
  }

  private final String label;
  private final Deque<Script> scripts = new ArrayDeque<>();
  private final List<LlmRequest> requests = new CopyOnWriteArrayList<>();
  private final List<Played> streams = new CopyOnWriteArrayList<>();
  private volatile RuntimeException chatFailure;

  private ScriptedProvider(String label, Script... queued) {
    this.label = label;
    scripts.addAll(List.of(queued));
  }

  static ScriptedProvider of(String label, Script... scripts) {
    return new ScriptedProvider(label, scripts);
  }

  /** Replaces the queued scripts: later calls play these. */
  synchronized void then(Script... next) {
    scripts.clear();
    scripts.addAll(List.of(next));
  }

  /** Makes {@code chat} throw {@code failure} instead of streaming. */
  void throwOnChat(RuntimeException failure) {
    chatFailure = failure;
  }

  /** Every request received, in order. */
  List<LlmRequest> requests() {
    return requests;
  }

  int calls() {
    return requests.size();
  }

  /** The stream of call number {@code index} (0-based). */
  Played stream(int index) {
    return streams.get(index);
  }

  /** Waits until {@code count} calls were made and each of them has ended. */
  void awaitEndedCalls(int count) throws InterruptedException {
    long deadline = System.nanoTime() + RecordingListener.TIMEOUT.toNanos();
    while (streams.size() < count && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertTrue(streams.size() >= count, label + " got " + streams.size() + " calls, expected " + count);
    for (Played stream : streams.subList(0, count)) {
      assertTrue(stream.ended.await(deadline - System.nanoTime(), TimeUnit.NANOSECONDS), label + " call did not end");
    }
  }

  @Override
  public String label() {
    return label;
  }

  @Override
  public String model() {
    return label + "-model";
  }

  @Override
  public String provider() {
    return "scripted";
  }

  @Override
  public LlmStream chat(LlmRequest request, LlmStreamListener listener) {
    RuntimeException failure = chatFailure;
    if (failure != null) {
      requests.add(request);
      throw failure;
    }
    Played played = new Played(nextScript(), request, listener);
    requests.add(request);
    streams.add(played);
    played.thread = Thread.ofVirtual().name("scripted-" + label).start(played::play);
    return played;
  }

  private synchronized Script nextScript() {
    return scripts.size() > 1 ? scripts.poll() : scripts.peek();
  }

  /** One played script. */
  final class Played implements LlmStream {
    private final Script script;
    private final LlmRequest request;
    private final LlmStreamListener listener;
    private final long startNanos = System.nanoTime();
    private final CountDownLatch ended = new CountDownLatch(1);
    private volatile Thread thread;
    private volatile boolean cancelled;
    private int chunks;
    private long firstNanos = -1;

    Played(Script script, LlmRequest request, LlmStreamListener listener) {
      this.script = script;
      this.request = request;
      this.listener = listener;
    }

    boolean wasCancelled() {
      return cancelled;
    }

    @Override
    public void cancel() {
      cancelled = true;
      Thread running = thread;
      if (running != null) {
        running.interrupt();
      }
    }

    @Override
    public boolean isDone() {
      return ended.getCount() == 0;
    }

    private void play() {
      try {
        for (Step step : script.steps()) {
          if (cancelled) {
            complete(true);
            return;
          }
          if (!run(step)) {
            return;
          }
        }
        complete(cancelled);
      } finally {
        ended.countDown();
      }
    }

    private boolean run(Step step) {
      switch (step) {
        case Text text -> {
          if (firstNanos < 0) {
            firstNanos = System.nanoTime();
          }
          chunks++;
          safely(() -> listener.onChunk(new ChatChunk("scripted-" + label, ChoiceDelta.text(text.text()), null)));
        }
        case Retry retry -> safely(() -> listener.onRetry(error(retry.message(), true)));
        case State state -> safely(() -> listener.onProviderState(state.state()));
        case Fail fail -> {
          safely(() -> listener.onError(error(fail.message(), false)));
          return false;
        }
        case Await await -> {
          try {
            await.gate().await();
          } catch (InterruptedException e) {
            // cancelled: the loop completes as cancelled
          }
        }
      }
      return true;
    }

    private void complete(boolean asCancelled) {
      LlmMetrics metrics = asCancelled && firstNanos < 0 ? null : metrics(asCancelled);
      safely(() -> listener.onComplete(metrics));
    }

    private LlmMetrics metrics(boolean asCancelled) {
      double duration = (System.nanoTime() - startNanos) / 1e9;
      double ttft = firstNanos < 0 ? -1 : (firstNanos - startNanos) / 1e9;
      return new LlmMetrics(label, request.requestId(), Clock.nowSeconds(), duration, ttft, asCancelled,
          chunks, 1, 0, 0, chunks + 1, duration > 0 ? chunks / duration : 0, model(), provider());
    }

    private LlmError error(String message, boolean recoverable) {
      return new LlmError(Clock.nowSeconds(), label, ErrorKind.STATUS, message, 503, null, null, true, recoverable);
    }

    private void safely(Runnable call) {
      try {
        call.run();
      } catch (RuntimeException e) {
        // a listener failure never stops the script
      }
    }
  }
}
