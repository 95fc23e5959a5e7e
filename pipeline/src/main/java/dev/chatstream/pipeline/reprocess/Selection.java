package dev.chatstream.pipeline.reprocess;

import java.time.Instant;
import java.util.Set;

/**
 * Which recorded {@code generate_reply} requests a reprocessing run replays. A request is selected
 * when it passes every filter that is set; {@code limit} then keeps the first ones, partition by
 * partition in offset order.
 *
 * @param since only requests recorded at or after this time (record timestamp), or null
 * @param until only requests recorded before this time, or null
 * @param conversations only these conversations; empty for all
 * @param requests only these request ids; empty for all
 * @param onlyFailed only requests whose original run ended in a final error or was cancelled
 * @param limit at most this many requests, or null for no limit
 */
public record Selection(Instant since, Instant until, Set<String> conversations, Set<String> requests,
    boolean onlyFailed, Integer limit) {

  /** Copies the sets and checks the limit. */
  public Selection {
    conversations = Set.copyOf(conversations);
    requests = Set.copyOf(requests);
    if (limit != null && limit < 1) {
      throw new IllegalArgumentException("limit must be >= 1, was " + limit);
    }
    if (since != null && until != null && !since.isBefore(until)) {
      throw new IllegalArgumentException("since (" + since + ") must be before until (" + until + ")");
    }
  }

  /** Every request of the log. */
  public static Selection all() {
    return new Selection(null, null, Set.of(), Set.of(), false, null);
  }

  /** True when a request of {@code conversationId} with this id, recorded at {@code timestampMs}, passes the filters. */
  public boolean admits(String conversationId, String requestId, long timestampMs) {
    return (since == null || timestampMs >= since.toEpochMilli())
        && (until == null || timestampMs < until.toEpochMilli())
        && (conversations.isEmpty() || conversations.contains(conversationId))
        && (requests.isEmpty() || requests.contains(requestId));
  }
}
