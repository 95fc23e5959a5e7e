package dev.chatstream.pipeline.internals.reprocess;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a run replays: the selected requests, in the order the survey met them, and for each
 * conversation the offset of its last selected request (nothing after it is needed). Built once by
 * the {@link LogSurvey} and then shared, read-only, by every task of the run.
 */
public final class ReplayPlan {
  private final Map<RequestKey, PlannedRequest> requests;
  private final Map<String, Long> lastOffsets;
  private final long requestsInLog;
  private final long badRecords;

  ReplayPlan(Map<RequestKey, PlannedRequest> requests, long requestsInLog, long badRecords) {
    this.requests = Collections.unmodifiableMap(new LinkedHashMap<>(requests));
    Map<String, Long> last = new HashMap<>();
    requests.values().forEach(request -> last.merge(request.key().conversationId(), request.offset(), Math::max));
    this.lastOffsets = Map.copyOf(last);
    this.requestsInLog = requestsInLog;
    this.badRecords = badRecords;
  }

  /** The selected request of this conversation with this id, if it is one. */
  public Optional<PlannedRequest> find(String conversationId, String requestId) {
    return Optional.ofNullable(requests.get(new RequestKey(conversationId, requestId)));
  }

  /**
   * True when the record at {@code offset} of {@code conversationId} can matter to a replay: the
   * conversation has a selected request at or after it.
   */
  public boolean needs(String conversationId, long offset) {
    Long last = lastOffsets.get(conversationId);
    return last != null && offset <= last;
  }

  /** How many requests the run replays. */
  public int size() {
    return requests.size();
  }

  /** The selected requests, in the order the survey met them. */
  public Iterable<PlannedRequest> requests() {
    return requests.values();
  }

  /** How many {@code generate_reply} requests the log holds within the run's bounds. */
  public long requestsInLog() {
    return requestsInLog;
  }

  /** Input records the survey skipped because they do not decode or are invalid (the live dead letters). */
  public long badRecords() {
    return badRecords;
  }
}
