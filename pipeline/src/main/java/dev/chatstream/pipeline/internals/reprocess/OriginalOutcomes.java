package dev.chatstream.pipeline.internals.reprocess;

import dev.chatstream.events.LLMError;
import dev.chatstream.events.LLMMetrics;
import dev.chatstream.events.ReplyCompleted;
import dev.chatstream.events.item.ChatMessage;
import dev.chatstream.events.item.TextContent;
import dev.chatstream.events.reprocess.ReplyOutcome;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;

/**
 * How each request ended in the original run, read from the live output topics: its
 * {@code ReplyCompleted}, its final {@code LLMError} and its {@code LLMMetrics}, of the last attempt
 * that produced any (a restarted generation's earlier attempts, and repeats delivered at least once,
 * are ignored).
 */
final class OriginalOutcomes {
  private final Map<RequestKey, Events> byRequest = new HashMap<>();

  /** Takes one event of the live output topics into account; other events are ignored. */
  void accept(SpecificRecord event) {
    switch (event) {
      case ReplyCompleted reply -> events(reply.getConversationId(), reply.getRequestId(), reply.getAttempt())
          .ifPresent(events -> events.reply = reply);
      case LLMError error when !error.getRecoverable() ->
          events(error.getConversationId(), error.getRequestId(), error.getAttempt())
              .ifPresent(events -> events.error = error);
      case LLMMetrics metrics -> events(metrics.getConversationId(), metrics.getRequestId(), metrics.getAttempt())
          .ifPresent(events -> events.metrics = metrics);
      default -> { }
    }
  }

  /**
   * How the request ended: its reply, or else its final error; empty when the outputs hold neither.
   *
   * @param profile the profile the request named (or the default), recorded on the outcome
   */
  Optional<ReplyOutcome> outcome(RequestKey key, String profile) {
    Events events = byRequest.get(key);
    if (events == null || events.reply == null && events.error == null) {
      return Optional.empty();
    }
    ReplyOutcome.Builder outcome = ReplyOutcome.newBuilder().setProfile(profile);
    if (events.metrics != null) {
      outcome.setModel(blankToNull(events.metrics.getMetadata().getModelName()))
          .setProvider(blankToNull(events.metrics.getMetadata().getModelProvider()))
          .setTtft(events.metrics.getTtft()).setDuration(events.metrics.getDuration());
    }
    if (events.reply != null) {
      ReplyCompleted reply = events.reply;
      outcome.setText(reply.getMessage() == null ? null : text(reply.getMessage()))
          .setFunctionCalls(reply.getFunctionCalls()).setUsage(reply.getUsage())
          .setFinishReason(reply.getFinishReason()).setCancelled(reply.getCancelled());
    } else {
      outcome.setError(events.error.getError());
    }
    return Optional.of(outcome.build());
  }

  /** True when the request ended in a final error without a reply, or its reply was cancelled. */
  boolean failed(RequestKey key) {
    Events events = byRequest.get(key);
    return events != null && (events.reply == null ? events.error != null : events.reply.getCancelled());
  }

  /** The ids of the request's automatic tool steps the outputs know of, in step order. */
  List<String> toolSteps(RequestKey key) {
    List<String> steps = new ArrayList<>();
    for (int step = 1; byRequest.containsKey(new RequestKey(key.conversationId(), key.requestId() + "/tool-" + step));
        step++) {
      steps.add(key.requestId() + "/tool-" + step);
    }
    return steps;
  }

  private Optional<Events> events(String conversationId, String requestId, int attempt) {
    Events events = byRequest.computeIfAbsent(new RequestKey(conversationId, requestId), key -> new Events());
    if (attempt < events.attempt) {
      return Optional.empty();
    }
    if (attempt > events.attempt) {
      events.attempt = attempt;
      events.reply = null;
      events.error = null;
      events.metrics = null;
    }
    return Optional.of(events);
  }

  private static String text(ChatMessage message) {
    List<String> parts = message.getContent().stream()
        .filter(TextContent.class::isInstance).map(part -> ((TextContent) part).getText()).toList();
    return parts.isEmpty() ? null : String.join("\n", parts);
  }

  private static String blankToNull(String value) {
    return value == null || value.isEmpty() ? null : value;
  }

  private static final class Events {
    private int attempt = -1;
    private ReplyCompleted reply;
    private LLMError error;
    private LLMMetrics metrics;
  }
}
