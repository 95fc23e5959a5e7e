package dev.chatstream.llm.fallback;

import dev.chatstream.llm.LlmProvider;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/** One LLM of a fallback adapter, with its availability and its running recovery probe, shared by all requests. */
final class Member {
  private final LlmProvider llm;
  private final AtomicBoolean available = new AtomicBoolean(true);
  private final AtomicReference<RecoveryProbe> probe = new AtomicReference<>();

  Member(LlmProvider llm) {
    this.llm = llm;
  }

  LlmProvider llm() {
    return llm;
  }

  boolean isAvailable() {
    return available.get();
  }

  /** Marks the member unavailable; true when it was available. */
  boolean markUnavailable() {
    return available.compareAndSet(true, false);
  }

  /** Marks the member available; true when it was unavailable. */
  boolean markAvailable() {
    return available.compareAndSet(false, true);
  }

  /** Makes {@code candidate} this member's probe unless one is running; true when it was taken. */
  boolean claimProbe(RecoveryProbe candidate) {
    return probe.compareAndSet(null, candidate);
  }

  /** Frees the probe slot held by {@code finished}. */
  void releaseProbe(RecoveryProbe finished) {
    probe.compareAndSet(finished, null);
  }

  /** The running probe, or null. */
  RecoveryProbe probe() {
    return probe.get();
  }
}
