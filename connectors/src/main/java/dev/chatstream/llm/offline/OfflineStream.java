package dev.chatstream.llm.offline;

import dev.chatstream.llm.ErrorKind;
import dev.chatstream.llm.LlmError;
import dev.chatstream.llm.LlmMetrics;
import dev.chatstream.llm.LlmRequest;
import dev.chatstream.llm.LlmStream;
import dev.chatstream.llm.LlmStreamListener;
import dev.chatstream.llm.chat.Clock;
import dev.chatstream.llm.stream.ChatChunk;
import dev.chatstream.llm.stream.ChoiceDelta;
import dev.chatstream.llm.stream.CompletionUsage;
import dev.chatstream.llm.stream.FunctionToolCall;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One offline generation: a chain of scheduled steps, each delivering one chunk (all of them when
 * there is no delay between words). Steps and the cancel completion hold this stream's lock while they
 * call the listener, so calls never overlap; cancel itself never waits for it.
 */
final class OfflineStream implements LlmStream {
  private static final Logger LOG = LoggerFactory.getLogger(OfflineStream.class);

  private final OfflineProvider provider;
  private final LlmRequest request;
  private final LlmStreamListener listener;
  private final ScheduledExecutorService scheduler;
  private final OfflinePacing pacing;
  private final Consumer<OfflineStream> onEnd;
  private final long startNanos = System.nanoTime();
  private final AtomicBoolean cancelRequested = new AtomicBoolean();

  private List<ChatChunk> chunks;
  private List<Integer> chunkTokens;
  private int promptTokens;
  private int next;
  private int emittedTokens;
  private long firstResponseNanos = -1;
  private volatile boolean done;
  private volatile Future<?> pending;

  OfflineStream(OfflineProvider provider, LlmRequest request, LlmStreamListener listener,
      ScheduledExecutorService scheduler, OfflinePacing pacing, Consumer<OfflineStream> onEnd) {
    this.provider = provider;
    this.request = request;
    this.listener = listener;
    this.scheduler = scheduler;
    this.pacing = pacing;
    this.onEnd = onEnd;
  }

  /** Schedules the first step. */
  void start() {
    pending = scheduler.schedule(this::step, pacing.timeToFirstToken().toNanos(), TimeUnit.NANOSECONDS);
  }

  @Override
  public void cancel() {
    if (!cancelRequested.compareAndSet(false, true)) {
      return;
    }
    Future<?> step = pending;
    if (step != null) {
      step.cancel(false);
    }
    try {
      scheduler.execute(this::finishCancelled);
    } catch (RejectedExecutionException e) {
      finishCancelled();
    }
  }

  @Override
  public boolean isDone() {
    return done;
  }

  private synchronized void step() {
    if (done || cancelRequested.get()) {
      return;
    }
    if (chunks == null && !plan()) {
      return;
    }
    do {
      emit(next++);
      if (cancelRequested.get()) {
        return;
      }
    } while (next < chunks.size() && pacing.interTokenDelay().isZero());
    if (next < chunks.size()) {
      scheduleNext();
    } else {
      ChatChunk usage = new ChatChunk(chunks.get(0).id(), null,
          CompletionUsage.of(emittedTokens, promptTokens, promptTokens + emittedTokens));
      deliver(() -> listener.onChunk(usage));
      if (!cancelRequested.get()) {
        finish(metrics(false));
      }
    }
  }

  private boolean plan() {
    OfflineReply reply;
    try {
      reply = ReplyRules.decide(request);
    } catch (IllegalArgumentException e) {
      fail(e.getMessage());
      return false;
    }
    chunks = new ArrayList<>();
    chunkTokens = new ArrayList<>();
    String id = "offline-" + request.requestId();
    switch (reply) {
      case OfflineReply.Text text -> {
        for (int i = 0; i < text.words().size(); i++) {
          String word = text.words().get(i);
          add(new ChatChunk(id, ChoiceDelta.text(i == 0 ? word : " " + word), null), 1);
        }
      }
      case OfflineReply.Call call -> add(new ChatChunk(id, ChoiceDelta.toolCalls(List.of(call.call())), null),
          tokens(call.call()));
    }
    promptTokens = Words.count(request.context());
    return true;
  }

  private void add(ChatChunk chunk, int tokens) {
    chunks.add(chunk);
    chunkTokens.add(tokens);
  }

  private static int tokens(FunctionToolCall call) {
    return Words.count(call.name()) + Words.count(call.arguments());
  }

  private void emit(int index) {
    ChatChunk chunk = chunks.get(index);
    if (chunk.hasResponse() && firstResponseNanos < 0) {
      firstResponseNanos = System.nanoTime();
    }
    emittedTokens += chunkTokens.get(index);
    deliver(() -> listener.onChunk(chunk));
  }

  private void scheduleNext() {
    try {
      pending = scheduler.schedule(this::step, pacing.interTokenDelay().toNanos(), TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException e) {
      fail("the offline provider's scheduler is shut down");
    }
  }

  private synchronized void finishCancelled() {
    if (!done) {
      finish(firstResponseNanos < 0 ? null : metrics(true));
    }
  }

  private void finish(LlmMetrics metrics) {
    done = true;
    onEnd.accept(this);
    deliver(() -> listener.onComplete(metrics));
  }

  private void fail(String message) {
    done = true;
    onEnd.accept(this);
    LlmError error = new LlmError(Clock.nowSeconds(), provider.label(), ErrorKind.OTHER, message,
        null, null, null, false, false);
    deliver(() -> listener.onError(error));
  }

  private LlmMetrics metrics(boolean cancelled) {
    long now = System.nanoTime();
    double duration = (now - startNanos) / 1e9;
    double ttft = firstResponseNanos < 0 ? -1 : (firstResponseNanos - startNanos) / 1e9;
    String model = request.model() != null ? request.model() : provider.model();
    return new LlmMetrics(provider.label(), request.requestId(), Clock.nowSeconds(), duration, ttft, cancelled,
        emittedTokens, promptTokens, 0, 0, promptTokens + emittedTokens,
        duration > 0 ? emittedTokens / duration : 0, model, provider.provider());
  }

  private void deliver(Runnable call) {
    try {
      call.run();
    } catch (RuntimeException e) {
      LOG.warn("offline stream listener failed for request {}", request.requestId(), e);
    }
  }
}
