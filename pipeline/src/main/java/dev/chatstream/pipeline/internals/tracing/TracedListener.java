package dev.chatstream.pipeline.internals.tracing;

import dev.chatstream.llm.AvailabilityChanged;
import dev.chatstream.llm.LlmError;
import dev.chatstream.llm.LlmMetrics;
import dev.chatstream.llm.LlmStreamListener;
import dev.chatstream.llm.stream.ChatChunk;
import dev.chatstream.llm.stream.FunctionToolCall;
import dev.chatstream.pipeline.internals.semconv.GenAi;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import java.util.ArrayList;
import java.util.List;

/**
 * Records what a provider reports on a generation's {@code chat} span, then passes every event on.
 * Each attempt of the connector's retry loop (and each fallback member tried) is a child span
 * {@value #ATTEMPT_SPAN}: the first starts with the generation, a retry event ends the attempt that
 * failed (with its {@code error.type}) and starts the next, so an attempt's span includes the wait
 * before it. The end of the stream sets the usage, the response model and id, the finish reason and
 * time to first chunk, or the error, and ends both spans. Connector threads call it, one call at a
 * time.
 */
final class TracedListener implements LlmStreamListener {
  /** The name of an attempt's span. */
  static final String ATTEMPT_SPAN = "attempt";
  /** The attempt's number within the generation, from 1. */
  static final AttributeKey<Long> ATTEMPT_NUMBER = AttributeKey.longKey("chatstream.llm.attempt");
  /** The label of the LLM that answered or failed, e.g. {@code openai.LLM}. */
  static final AttributeKey<String> LLM_LABEL = AttributeKey.stringKey("chatstream.llm.label");

  private static final AttributeKey<String> MEMBER = AttributeKey.stringKey("chatstream.llm.member");
  private static final AttributeKey<Boolean> AVAILABLE = AttributeKey.booleanKey("chatstream.llm.available");
  private static final AttributeKey<Boolean> CANCELLED = AttributeKey.booleanKey("chatstream.cancelled");
  private static final AttributeKey<Double> TIME_TO_FIRST_CHUNK =
      AttributeKey.doubleKey("gen_ai.response.time_to_first_chunk");

  private final Tracer tracer;
  private final Span chat;
  private final LlmStreamListener delegate;
  private final StringBuilder text;
  private final List<FunctionToolCall> calls = new ArrayList<>();
  private Span attempt;
  private int attempts;
  private boolean toolCalls;
  private String responseId;

  TracedListener(Tracer tracer, Span chat, LlmStreamListener delegate, boolean content) {
    this.tracer = tracer;
    this.chat = chat;
    this.delegate = delegate;
    this.text = content ? new StringBuilder() : null;
    this.attempt = nextAttempt();
  }

  @Override
  public void onChunk(ChatChunk chunk) {
    synchronized (this) {
      if (responseId == null) {
        responseId = chunk.id();
      }
      if (chunk.delta() != null) {
        toolCalls |= !chunk.delta().toolCalls().isEmpty();
        if (text != null) {
          if (chunk.delta().content() != null) {
            text.append(chunk.delta().content());
          }
          calls.addAll(chunk.delta().toolCalls());
        }
      }
    }
    delegate.onChunk(chunk);
  }

  @Override
  public void onRetry(LlmError error) {
    synchronized (this) {
      fail(attempt, error);
      attempt.end();
      attempt = nextAttempt();
    }
    delegate.onRetry(error);
  }

  @Override
  public void onAvailabilityChanged(AvailabilityChanged change) {
    chat.addEvent("chatstream.llm.availability_changed",
        Attributes.of(MEMBER, change.llm(), AVAILABLE, change.available()));
    delegate.onAvailabilityChanged(change);
  }

  @Override
  public void onComplete(LlmMetrics metrics) {
    synchronized (this) {
      boolean cancelled = metrics == null || metrics.cancelled();
      String finishReason = cancelled ? "cancelled" : toolCalls ? "tool_calls" : "stop";
      chat.setAttribute(AttributeKey.stringArrayKey(GenAi.RESPONSE_FINISH_REASONS), List.of(finishReason));
      chat.setAttribute(CANCELLED, cancelled);
      if (responseId != null) {
        chat.setAttribute(GenAi.RESPONSE_ID, responseId);
      }
      if (metrics != null) {
        chat.setAttribute(GenAi.RESPONSE_MODEL, metrics.modelName() == null ? "" : metrics.modelName());
        chat.setAttribute(GenAi.USAGE_INPUT_TOKENS, metrics.promptTokens());
        chat.setAttribute(GenAi.USAGE_OUTPUT_TOKENS, metrics.completionTokens());
        if (metrics.ttftSeconds() >= 0) {
          chat.setAttribute(TIME_TO_FIRST_CHUNK, metrics.ttftSeconds());
        }
        attempt.setAttribute(LLM_LABEL, metrics.label());
      }
      if (text != null) {
        chat.setAttribute(GenAi.OUTPUT_MESSAGES, MessagesJson.output(text.toString(), calls, finishReason));
      }
      attempt.end();
      chat.end();
    }
    delegate.onComplete(metrics);
  }

  @Override
  public void onError(LlmError error) {
    synchronized (this) {
      fail(attempt, error);
      attempt.end();
      fail(chat, error);
      chat.end();
    }
    delegate.onError(error);
  }

  private Span nextAttempt() {
    attempts++;
    return tracer.spanBuilder(ATTEMPT_SPAN)
        .setSpanKind(SpanKind.INTERNAL)
        .setParent(Context.root().with(chat))
        .setAttribute(ATTEMPT_NUMBER, (long) attempts)
        .startSpan();
  }

  private static void fail(Span span, LlmError error) {
    span.setAttribute(GenAi.ERROR_TYPE, GenAi.errorType(error));
    span.setAttribute(GenAi.ERROR_KIND, error.kind().name());
    span.setAttribute(LLM_LABEL, error.label());
    span.setStatus(StatusCode.ERROR, error.message());
  }
}
