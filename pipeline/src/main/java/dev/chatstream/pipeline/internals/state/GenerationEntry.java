package dev.chatstream.pipeline.internals.state;

import java.util.Objects;

/**
 * A generation request as the generations store keeps it: queued until it is its conversation's
 * turn and a permit is free, then running until the provider finishes. A running entry found at task
 * start belonged to an instance that stopped; it is started again with the next attempt number.
 *
 * @param seq the entry's position in its conversation's queue
 * @param status queued or running
 * @param attempt the last attempt started (0 while queued)
 * @param requestId the request id its output events carry
 * @param toolStep 0 for a request from a producer; n for the n-th automatic reply of a tool loop
 * @param createdAt the time stamped on the reply's items, in seconds
 * @param request the encoded {@code GenerateReply}
 * @param traceparent the W3C trace context of the record that asked for it, or null (untraced)
 */
public record GenerationEntry(
    long seq, Status status, int attempt, String requestId, int toolStep, double createdAt, byte[] request,
    String traceparent) {

  /** Where a request is in its life. */
  public enum Status {
    /** Waiting for its turn or for a free permit. */
    QUEUED,
    /** Started on a provider. */
    RUNNING
  }

  /** Validates. */
  public GenerationEntry {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(requestId, "requestId");
    Objects.requireNonNull(request, "request");
  }

  /** An entry asked for outside any trace. */
  public GenerationEntry(long seq, Status status, int attempt, String requestId, int toolStep, double createdAt,
      byte[] request) {
    this(seq, status, attempt, requestId, toolStep, createdAt, request, null);
  }

  /** A copy that is running its next attempt. */
  public GenerationEntry nextAttempt() {
    return new GenerationEntry(seq, Status.RUNNING, attempt + 1, requestId, toolStep, createdAt, request, traceparent);
  }
}
