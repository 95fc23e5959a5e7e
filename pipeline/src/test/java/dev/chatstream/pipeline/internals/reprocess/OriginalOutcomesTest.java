package dev.chatstream.pipeline.internals.reprocess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatstream.events.LLMError;
import dev.chatstream.events.LLMMetrics;
import dev.chatstream.events.ReplyCompleted;
import dev.chatstream.events.error.ErrorDetail;
import dev.chatstream.events.item.ChatMessage;
import dev.chatstream.events.item.ChatRole;
import dev.chatstream.events.item.TextContent;
import dev.chatstream.events.metrics.ModelMetadata;
import dev.chatstream.events.reprocess.ReplyOutcome;
import java.util.List;
import org.junit.jupiter.api.Test;

class OriginalOutcomesTest {
  private final OriginalOutcomes outcomes = new OriginalOutcomes();
  private final RequestKey key = new RequestKey("c", "r");

  @Test
  void theLastAttemptsReplyAndMetricsAreTheOutcome() {
    outcomes.accept(reply(1, "first try", false));
    outcomes.accept(metrics(1, 0.5));
    outcomes.accept(reply(2, "after the restart", false));
    outcomes.accept(metrics(2, 0.2));
    outcomes.accept(reply(1, "a late repeat of attempt 1", false));

    ReplyOutcome outcome = outcomes.outcome(key, "default").orElseThrow();

    assertEquals("after the restart", outcome.getText());
    assertEquals(0.2, outcome.getTtft());
    assertEquals("gpt-4.1", outcome.getModel());
    assertEquals("default", outcome.getProfile());
    assertFalse(outcomes.failed(key));
  }

  @Test
  void aFinalErrorWithoutReplyIsAFailureAndRecoverableErrorsAreNot() {
    outcomes.accept(error(1, true));
    assertTrue(outcomes.outcome(key, "p").isEmpty());
    assertFalse(outcomes.failed(key));

    outcomes.accept(error(1, false));

    assertTrue(outcomes.failed(key));
    assertEquals("failed to generate LLM completion after 4 attempts", outcomes.outcome(key, "p").orElseThrow()
        .getError().getMessage());
    assertNull(outcomes.outcome(key, "p").orElseThrow().getText());
  }

  @Test
  void aReplyBesideAFinalErrorIsNotAFailureButACancelledReplyIs() {
    outcomes.accept(reply(1, "calls a tool", false));
    outcomes.accept(error(1, false));
    assertFalse(outcomes.failed(key), "max_tool_steps reached after a reply does not fail the reply");

    RequestKey cancelled = new RequestKey("c", "cancelled");
    outcomes.accept(ReplyCompleted.newBuilder(reply(1, "cut", true)).setRequestId("cancelled").build());
    assertTrue(outcomes.failed(cancelled));
  }

  @Test
  void toolStepsAreFoundInOrder() {
    outcomes.accept(reply(1, "a", false));
    outcomes.accept(ReplyCompleted.newBuilder(reply(1, "b", false)).setRequestId("r/tool-1").build());
    outcomes.accept(ReplyCompleted.newBuilder(reply(1, "c", false)).setRequestId("r/tool-2").build());

    assertEquals(List.of("r/tool-1", "r/tool-2"), outcomes.toolSteps(key));
  }

  private static ReplyCompleted reply(int attempt, String text, boolean cancelled) {
    ChatMessage message = ChatMessage.newBuilder().setId("m").setRole(ChatRole.assistant)
        .setContent(List.of(TextContent.newBuilder().setText(text).build())).setCreatedAt(1.0).build();
    return ReplyCompleted.newBuilder().setConversationId("c").setRequestId("r").setAttempt(attempt).setSequence(3)
        .setMessage(message).setFinishReason(cancelled ? "cancelled" : "stop").setCancelled(cancelled).build();
  }

  private static LLMMetrics metrics(int attempt, double ttft) {
    return LLMMetrics.newBuilder().setConversationId("c").setRequestId("r").setAttempt(attempt).setSequence(4)
        .setLabel("openai.LLM").setTimestamp(1.0).setDuration(1.0).setTtft(ttft).setCancelled(false)
        .setCompletionTokens(1).setPromptTokens(1).setPromptCachedTokens(0).setCacheCreationTokens(0).setTotalTokens(2)
        .setTokensPerSecond(1.0).setMetadata(ModelMetadata.newBuilder().setModelName("gpt-4.1")
            .setModelProvider("openai").build()).build();
  }

  private static LLMError error(int attempt, boolean recoverable) {
    return LLMError.newBuilder().setConversationId("c").setRequestId("r").setAttempt(attempt).setSequence(1)
        .setTimestamp(1.0).setLabel("openai.LLM").setError(ErrorDetail.newBuilder()
            .setMessage("failed to generate LLM completion after 4 attempts").build())
        .setRetryable(true).setRecoverable(recoverable).build();
  }
}
