package dev.chatstream.pipeline.internals.reprocess;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A request being replayed, as the replays store keeps it: queued until the run's pacing lets it start,
 * then running step by step (the request, then its automatic tool steps) until its result is written.
 * A running entry found at task start belonged to a run that stopped; it starts again, at the step it
 * had reached, with the next attempt number.
 *
 * @param seq the entry's key within its conversation
 * @param running false while queued
 * @param attempt the last attempt started of the current step (0 while queued)
 * @param step 0 for the request itself, n for its n-th tool step
 * @param requestId the id of the recorded request
 * @param request the recorded {@code generate_reply}, as the input record's value
 * @param context the items the current step is sent with: the context as it was when the recorded
 *     request arrived, plus, for a tool step, the replayed calls of the earlier steps with their
 *     recorded outputs (each as the store encodes items)
 * @param partialResult the result so far (the replayed outcomes of the steps done), as its event's
 *     bytes, or null before the first step ended
 */
public record ReplayEntry(long seq, boolean running, int attempt, int step, String requestId, byte[] request,
    List<byte[]> context, byte[] partialResult) {

  /** Checks for nulls and copies the context. */
  public ReplayEntry {
    Objects.requireNonNull(requestId, "requestId");
    Objects.requireNonNull(request, "request");
    context = List.copyOf(context);
  }

  /** The id of the current step: the request's, or {@code <request id>/tool-<step>}. */
  public String stepRequestId() {
    return step == 0 ? requestId : requestId + "/tool-" + step;
  }

  /** A copy running its next attempt. */
  ReplayEntry nextAttempt() {
    return new ReplayEntry(seq, true, attempt + 1, step, requestId, request, context, partialResult);
  }

  /** A copy at the next step, queued, with {@code added} items and the result so far. */
  ReplayEntry nextStep(List<byte[]> added, byte[] result) {
    List<byte[]> extended = new ArrayList<>(context);
    extended.addAll(added);
    return new ReplayEntry(seq, false, 0, step + 1, requestId, request, extended, result);
  }
}
