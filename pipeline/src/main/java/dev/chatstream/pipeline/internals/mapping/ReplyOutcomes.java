package dev.chatstream.pipeline.internals.mapping;

import dev.chatstream.events.reprocess.ReplyOutcome;
import dev.chatstream.llm.LlmError;
import dev.chatstream.llm.LlmMetrics;
import dev.chatstream.llm.chat.ChatMessage;
import dev.chatstream.llm.chat.FunctionCall;
import dev.chatstream.llm.stream.CompletionUsage;
import java.util.List;

/**
 * How a replayed generation ended, as the {@code ReplyOutcome} of a reprocessing result: the reply
 * (text, calls, usage, timings) or the error, with the profile, model and provider.
 */
public final class ReplyOutcomes {
  private ReplyOutcomes() {}

  /**
   * A generation that produced a reply (complete or cancelled).
   *
   * @param metrics the generation's metrics, or null when none came
   */
  public static ReplyOutcome reply(String profile, String model, ChatMessage message, List<FunctionCall> calls,
      CompletionUsage usage, LlmMetrics metrics, String finishReason, boolean cancelled) {
    ReplyOutcome.Builder outcome = ReplyOutcome.newBuilder()
        .setProfile(profile)
        .setModel(metrics != null && metrics.modelName() != null ? metrics.modelName() : model)
        .setProvider(metrics == null ? null : metrics.modelProvider())
        .setText(message == null ? null : message.textContent())
        .setFunctionCalls(calls.stream().map(ItemMapper::toAvro).toList())
        .setUsage(usage == null ? null : OutputEvents.usage(usage))
        .setFinishReason(finishReason)
        .setCancelled(cancelled);
    if (metrics != null) {
      outcome.setTtft(metrics.ttftSeconds()).setDuration(metrics.durationSeconds());
    }
    return outcome.build();
  }

  /** A generation that ended in {@code error}. */
  public static ReplyOutcome failed(String profile, String model, LlmError error) {
    return ReplyOutcome.newBuilder().setProfile(profile).setModel(model).setError(OutputEvents.errorDetail(error))
        .build();
  }
}
