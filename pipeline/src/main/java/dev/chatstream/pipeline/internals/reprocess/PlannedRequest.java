package dev.chatstream.pipeline.internals.reprocess;

import dev.chatstream.events.reprocess.ReplyOutcome;
import dev.chatstream.llm.chat.FunctionCall;
import dev.chatstream.pipeline.internals.mapping.ItemMapper;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A request a run replays, with what the original run did: the outcome of the request and of each of
 * its automatic tool steps, and the outputs the tools gave to the original calls. The outputs are
 * filled in as the survey reads on; after the survey the object is only read.
 */
public final class PlannedRequest {
  private final RequestKey key;
  private final long offset;
  private final String profile;
  private final Map<String, ReplyOutcome> originals;
  private final Map<String, RecordedOutput> outputs = new HashMap<>();

  PlannedRequest(RequestKey key, long offset, String profile, Map<String, ReplyOutcome> originals) {
    this.key = key;
    this.offset = offset;
    this.profile = profile;
    this.originals = Map.copyOf(originals);
  }

  /** The conversation and request id. */
  public RequestKey key() {
    return key;
  }

  /** The offset of the request in its partition of the input topic. */
  public long offset() {
    return offset;
  }

  /** The profile the original ran on. */
  public String profile() {
    return profile;
  }

  /** How the request, or its tool step {@code stepRequestId}, ended in the original run. */
  public Optional<ReplyOutcome> original(String stepRequestId) {
    return Optional.ofNullable(originals.get(stepRequestId));
  }

  /** The function calls of the original reply of the request or of its tool step {@code stepRequestId}. */
  public List<FunctionCall> originalCalls(String stepRequestId) {
    return original(stepRequestId).map(outcome -> outcome.getFunctionCalls().stream()
        .map(call -> (FunctionCall) ItemMapper.toModel(call)).toList()).orElse(List.of());
  }

  /** Every call id the original replies called, which the survey collects outputs for. */
  Iterable<String> originalCallIds() {
    return originals.values().stream().flatMap(outcome -> outcome.getFunctionCalls().stream())
        .map(call -> call.getCallId()).toList();
  }

  void recordOutput(String callId, RecordedOutput output) {
    outputs.putIfAbsent(callId, output);
  }

  /** The output the original run's tool gave to call {@code callId}. */
  public Optional<RecordedOutput> output(String callId) {
    return Optional.ofNullable(outputs.get(callId));
  }
}
