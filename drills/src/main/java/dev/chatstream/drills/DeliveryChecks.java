package dev.chatstream.drills;

import dev.chatstream.drills.OutputEvents.Event;
import dev.chatstream.events.ChatChunk;
import dev.chatstream.events.LLMError;
import dev.chatstream.events.ReplyCompleted;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The checks every disruptive drill (crashes, rebalances) ends with, on what a reader sees after the
 * last instance stopped and the contexts the instances hold:
 * <ul>
 *   <li>every request ends with a reply or a final error, never both;</li>
 *   <li>exactly-once: one {@code ReplyCompleted} per request for a {@code read_committed} reader, and
 *       no output event twice; at-least-once: an event may repeat, but only under its identity
 *       {@code (request_id, attempt, sequence)} and with the same content, so a reply repeats only
 *       as the same reply;</li>
 *   <li>the chunks of a reply's attempt, one per sequence, reassemble into its text;</li>
 *   <li>no context holds an item twice, every user item sent is in its context, and every reply's
 *       message is in its context once.</li>
 * </ul>
 */
final class DeliveryChecks {
  private DeliveryChecks() {}

  static void apply(DrillReport report, Workload workload, OutputEvents outputs,
      Map<String, List<ContextProbe.Item>> contexts, boolean exactlyOnce) {
    Map<String, List<ReplyCompleted>> replies = new HashMap<>();
    outputs.of(ReplyCompleted.class).forEach(r -> replies.computeIfAbsent(r.getRequestId(), k -> new ArrayList<>()).add(r));
    Map<String, List<LLMError>> finalErrors = new HashMap<>();
    outputs.of(LLMError.class).stream().filter(e -> !e.getRecoverable())
        .forEach(e -> finalErrors.computeIfAbsent(e.getRequestId(), k -> new ArrayList<>()).add(e));
    Map<String, String> requests = workload.sentRequests();
    report.figure("requests", requests.size());
    report.figure("output events read", outputs.all().size());
    report.figure("replies", replies.values().stream().mapToInt(List::size).sum());
    report.figure("final errors of requests", finalErrors.entrySet().stream().filter(e -> !e.getKey().isEmpty())
        .mapToInt(e -> e.getValue().size()).sum());

    List<String> unanswered = requests.keySet().stream()
        .filter(r -> !replies.containsKey(r) && !finalErrors.containsKey(r)).sorted().toList();
    report.zero("lost requests (no reply, no final error)", unanswered.size(), Examples.of(unanswered));
    List<String> both = requests.keySet().stream().filter(r -> replies.containsKey(r) && finalErrors.containsKey(r)).toList();
    report.zero("requests with a reply and a final error", both.size(), Examples.of(both));

    checkRepeats(report, outputs, replies, exactlyOnce);
    checkChunks(report, outputs, replies);
    checkContexts(report, workload, replies, contexts);
  }

  private static void checkRepeats(DrillReport report, OutputEvents outputs, Map<String, List<ReplyCompleted>> replies,
      boolean exactlyOnce) {
    Map<String, List<Event>> byIdentity = new HashMap<>();
    // events about no request (a conversation limit, say) have no identity to drop repeats by
    outputs.all().stream().filter(e -> !e.requestId().isEmpty())
        .forEach(e -> byIdentity.computeIfAbsent(e.identity(), k -> new ArrayList<>()).add(e));
    long repeated = byIdentity.values().stream().mapToLong(list -> list.size() - 1).sum();
    List<String> differing = byIdentity.entrySet().stream()
        .filter(entry -> entry.getValue().stream().map(e -> content(e)).distinct().count() > 1)
        .map(Map.Entry::getKey).sorted().toList();
    List<String> replyIdentities = replies.entrySet().stream()
        .filter(entry -> entry.getValue().stream().map(r -> r.getAttempt() + "/" + r.getSequence()).distinct().count() > 1)
        .map(entry -> entry.getKey() + " as " + entry.getValue().stream()
            .map(r -> "attempt " + r.getAttempt() + " seq " + r.getSequence()).toList())
        .sorted().toList();
    if (exactlyOnce) {
      List<String> twice = replies.entrySet().stream().filter(e -> e.getValue().size() > 1).map(Map.Entry::getKey).sorted().toList();
      report.zero("duplicated replies (read_committed)", twice.size(), Examples.of(twice));
      report.zero("repeated output events (read_committed)", repeated, "");
    } else {
      report.figure("repeated output events (same identity)", repeated);
      report.zero("replies repeated under another (attempt, sequence)", replyIdentities.size(), Examples.of(replyIdentities));
    }
    report.zero("repeats whose content differs", differing.size(), Examples.of(differing));
  }

  /** What a repeat must share with the first: the event without its timestamps. */
  private static String content(Event event) {
    return switch (event.value()) {
      case ChatChunk chunk -> String.valueOf(chunk.getDelta()) + chunk.getUsage();
      case ReplyCompleted reply -> String.valueOf(reply.getMessage()) + reply.getFunctionCalls() + reply.getFinishReason();
      case LLMError error -> error.getRecoverable() + " " + error.getError().getKind() + " " + error.getError().getMessage();
      default -> event.value().getSchema().getName();
    };
  }

  private static void checkChunks(DrillReport report, OutputEvents outputs, Map<String, List<ReplyCompleted>> replies) {
    Map<String, TreeMap<Long, ChatChunk>> chunks = new HashMap<>();
    for (ChatChunk chunk : outputs.of(ChatChunk.class)) {
      chunks.computeIfAbsent(chunk.getRequestId() + "|" + chunk.getAttempt(), k -> new TreeMap<>())
          .putIfAbsent(chunk.getSequence(), chunk);
    }
    List<String> broken = new ArrayList<>();
    for (List<ReplyCompleted> forRequest : replies.values()) {
      ReplyCompleted reply = forRequest.get(forRequest.size() - 1);
      TreeMap<Long, ChatChunk> attempt = chunks.getOrDefault(reply.getRequestId() + "|" + reply.getAttempt(), new TreeMap<>());
      StringBuilder text = new StringBuilder();
      attempt.values().forEach(c -> text.append(OutputEvents.text(c)));
      if (!text.toString().equals(OutputEvents.text(reply.getMessage()))) {
        broken.add(reply.getRequestId() + " attempt " + reply.getAttempt());
      }
    }
    report.zero("replies whose final attempt's chunks do not reassemble into them", broken.size(), Examples.of(broken));
  }

  private static void checkContexts(DrillReport report, Workload workload, Map<String, List<ReplyCompleted>> replies,
      Map<String, List<ContextProbe.Item>> contexts) {
    List<String> duplicated = new ArrayList<>();
    Set<String> present = new HashSet<>();
    long items = 0;
    for (Map.Entry<String, List<ContextProbe.Item>> context : contexts.entrySet()) {
      Set<String> ids = new HashSet<>();
      for (ContextProbe.Item item : context.getValue()) {
        items++;
        if (!ids.add(item.id())) {
          duplicated.add(context.getKey() + ":" + item.id());
        }
      }
      present.addAll(ids);
    }
    report.figure("conversations checked", contexts.size());
    report.figure("context items", items);
    report.zero("duplicate items in contexts", duplicated.size(), Examples.of(duplicated));
    List<String> lost = workload.sentItems().stream().filter(id -> !present.contains(id)).sorted().toList();
    report.zero("input items lost", lost.size(), Examples.of(lost));
    List<String> missingReplies = replies.values().stream().map(list -> list.get(0))
        .filter(r -> r.getMessage() != null && !present.contains(r.getMessage().getId()))
        .map(ReplyCompleted::getRequestId).sorted().toList();
    report.zero("replies missing from their context", missingReplies.size(), Examples.of(missingReplies));
  }
}
