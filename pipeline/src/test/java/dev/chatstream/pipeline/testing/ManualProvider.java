package dev.chatstream.pipeline.testing;

import dev.chatstream.llm.AvailabilityChanged;
import dev.chatstream.llm.ErrorKind;
import dev.chatstream.llm.LlmError;
import dev.chatstream.llm.LlmMetrics;
import dev.chatstream.llm.LlmProvider;
import dev.chatstream.llm.LlmRequest;
import dev.chatstream.llm.LlmStream;
import dev.chatstream.llm.LlmStreamListener;
import dev.chatstream.llm.stream.ChatChunk;
import dev.chatstream.llm.stream.ChoiceDelta;
import dev.chatstream.llm.stream.CompletionUsage;
import dev.chatstream.llm.stream.FunctionToolCall;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A provider the test drives by hand: every {@code chat} call is queued as a {@link Call} whose
 * events the test emits when it chooses, so processor tests control exactly what arrives between
 * drains.
 */
public final class ManualProvider implements LlmProvider {
  private final BlockingQueue<Call> calls = new LinkedBlockingQueue<>();

  @Override
  public String label() {
    return "manual.LLM";
  }

  @Override
  public String model() {
    return "manual-model";
  }

  @Override
  public String provider() {
    return "manual";
  }

  @Override
  public LlmStream chat(LlmRequest request, LlmStreamListener listener) {
    Call call = new Call(request, listener);
    calls.add(call);
    return call;
  }

  /** The next call made, waiting up to 5 s. */
  public Call nextCall() {
    try {
      Call call = calls.poll(5, TimeUnit.SECONDS);
      if (call == null) {
        throw new AssertionError("no chat call was made");
      }
      return call;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** True when no call is waiting to be taken. */
  public boolean noPendingCalls() {
    return calls.isEmpty();
  }

  /** One generation: the request it got, and methods that deliver its events. */
  public static final class Call implements LlmStream {
    private final LlmRequest request;
    private final LlmStreamListener listener;
    private volatile boolean cancelled;
    private volatile boolean done;
    private int completionTokens;

    Call(LlmRequest request, LlmStreamListener listener) {
      this.request = request;
      this.listener = listener;
    }

    /** The request. */
    public LlmRequest request() {
      return request;
    }

    /** True once the pipeline cancelled it. */
    public boolean isCancelled() {
      return cancelled;
    }

    /** Delivers a text chunk. */
    public Call text(String text) {
      completionTokens++;
      listener.onChunk(new ChatChunk("chatcmpl-1", ChoiceDelta.text(text), null));
      return this;
    }

    /** Delivers a tool-call chunk. */
    public Call toolCall(String name, String arguments, String callId) {
      completionTokens++;
      listener.onChunk(new ChatChunk("chatcmpl-1",
          ChoiceDelta.toolCalls(List.of(FunctionToolCall.of(name, arguments, callId))), null));
      return this;
    }

    /** Delivers a retry error. */
    public Call retry(String message) {
      listener.onRetry(new LlmError(1.0, "manual.LLM", ErrorKind.CONNECTION, message, null, null, null, true, true));
      return this;
    }

    /** Delivers a fallback member's availability change (also allowed after the end). */
    public Call availability(String llm, boolean available, double timestamp) {
      listener.onAvailabilityChanged(new AvailabilityChanged(llm, available, timestamp));
      return this;
    }

    /** Delivers usage and completes with metrics. */
    public void complete() {
      listener.onChunk(new ChatChunk("chatcmpl-1", null, CompletionUsage.of(completionTokens, 10, completionTokens + 10)));
      finish(false);
    }

    /** Fails for good. */
    public void fail(String message) {
      done = true;
      listener.onError(new LlmError(1.0, "manual.LLM", ErrorKind.STATUS, message, 500, "req_x", null, false, false));
    }

    @Override
    public void cancel() {
      if (!done) {
        cancelled = true;
        finish(true);
      }
    }

    @Override
    public boolean isDone() {
      return done;
    }

    private void finish(boolean wasCancelled) {
      done = true;
      listener.onComplete(new LlmMetrics("manual.LLM", request.requestId(), 2.0, 1.0, 0.1, wasCancelled,
          completionTokens, 10, 0, 0, completionTokens + 10, completionTokens, "manual-model", "manual"));
    }
  }
}
