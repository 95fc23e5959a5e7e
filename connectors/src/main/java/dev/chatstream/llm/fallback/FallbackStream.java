package dev.chatstream.llm.fallback;

import dev.chatstream.llm.AvailabilityChanged;
import dev.chatstream.llm.ErrorKind;
import dev.chatstream.llm.LlmError;
import dev.chatstream.llm.LlmMetrics;
import dev.chatstream.llm.LlmRequest;
import dev.chatstream.llm.LlmStream;
import dev.chatstream.llm.LlmStreamListener;
import dev.chatstream.llm.chat.Clock;
import dev.chatstream.llm.state.ProviderState;
import dev.chatstream.llm.stream.ChatChunk;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One fallback generation: tries the members in order (only the available ones, unless none is),
 * moving on when a member fails, until one completes.
 */
final class FallbackStream implements LlmStream {
  private static final Logger LOG = LoggerFactory.getLogger(FallbackStream.class);

  private final FallbackAdapter adapter;
  private final LlmRequest memberRequest;
  private final SerialListener out;
  private final long startNanos = System.nanoTime();
  private final boolean noneAvailable;

  private int nextMember;
  private Attempt current;
  private boolean cancelled;
  private volatile boolean responseSent;

  FallbackStream(FallbackAdapter adapter, LlmRequest request, LlmStreamListener listener) {
    this.adapter = adapter;
    this.memberRequest = request.withConnectOptions(adapter.options().memberConnectOptions());
    this.out = new SerialListener(listener, request.requestId());
    this.noneAvailable = adapter.members().stream().noneMatch(Member::isAvailable);
    if (noneAvailable) {
      LOG.warn("all LLMs of the FallbackAdapter are unavailable, trying each of them");
    }
  }

  /** Starts with the first member to try. */
  void start() {
    tryNext(true);
  }

  @Override
  public void cancel() {
    Attempt attempt;
    synchronized (this) {
      if (cancelled || out.isEnding()) {
        return;
      }
      cancelled = true;
      attempt = current;
    }
    if (attempt != null) {
      attempt.cancel();
    }
  }

  @Override
  public boolean isDone() {
    return out.isDone();
  }

  void memberChunk(ChatChunk chunk) {
    if (chunk.hasResponse()) {
      responseSent = true;
    }
    out.chunk(chunk);
  }

  void memberRetry(LlmError error) {
    out.retry(error);
  }

  void memberState(ProviderState state) {
    out.state(state);
  }

  /** A member's availability changed: this request caused it, or started the probe that did. */
  void availabilityChanged(AvailabilityChanged change) {
    out.availability(change);
  }

  void memberCompleted(Attempt attempt, LlmMetrics metrics) {
    if (!isCancelled()) {
      adapter.recovered(attempt.member(), this);
    }
    out.complete(metrics);
  }

  void memberFailed(Attempt attempt, LlmError error) {
    if (isCancelled()) {
      out.complete(null);
      return;
    }
    Member member = attempt.member();
    LOG.warn("{} failed, {}", member.llm().label(), error.message());
    if (responseSent && !adapter.options().retryOnChunkSent()) {
      adapter.failed(member, this);
      out.error(error);
      return;
    }
    out.retry(asRecoverable(error));
    adapter.failed(member, this);
    adapter.probe(member, memberRequest, this);
    tryNext(false);
  }

  private void tryNext(boolean callerThread) {
    List<Member> members = adapter.members();
    while (true) {
      Attempt attempt = null;
      Member skipped = null;
      synchronized (this) {
        if (nextMember == members.size() || cancelled) {
          break;
        }
        Member member = members.get(nextMember++);
        if (!member.isAvailable() && !noneAvailable) {
          skipped = member;
        } else {
          attempt = new Attempt(this, member);
          current = attempt;
        }
      }
      if (skipped != null) {
        adapter.probe(skipped, memberRequest, this);
        continue;
      }
      start(attempt);
      return;
    }
    if (isCancelled()) {
      out.complete(null);
      return;
    }
    LlmError failure = allFailed(members);
    if (callerThread) {
      onOtherThread(() -> out.error(failure));
    } else {
      out.error(failure);
    }
  }

  private void start(Attempt attempt) {
    try {
      attempt.attach(attempt.member().llm().chat(memberRequest, attempt));
    } catch (RuntimeException e) {
      LlmError error = new LlmError(Clock.nowSeconds(), attempt.member().llm().label(), ErrorKind.OTHER,
          "chat failed: " + e.getMessage(), null, null, null, false, false);
      onOtherThread(() -> attempt.onError(error));
    }
  }

  // chat() returns before any callback: failures found on the caller's thread are reported from another
  private static void onOtherThread(Runnable report) {
    Thread.ofVirtual().name("chatstream-fallback").start(report);
  }

  private synchronized boolean isCancelled() {
    return cancelled;
  }

  private LlmError allFailed(List<Member> members) {
    List<String> labels = members.stream().map(m -> m.llm().label()).toList();
    double seconds = (System.nanoTime() - startNanos) / 1e9;
    String message = String.format(Locale.ROOT, "all LLMs failed (%s) after %.2f s", String.join(", ", labels), seconds);
    return new LlmError(Clock.nowSeconds(), FallbackAdapter.LABEL, ErrorKind.OTHER, message,
        null, null, null, true, false);
  }

  private static LlmError asRecoverable(LlmError error) {
    return new LlmError(error.timestamp(), error.label(), error.kind(), error.message(), error.status(),
        error.providerRequestId(), error.body(), error.retryable(), true);
  }
}
