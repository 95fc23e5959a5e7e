package dev.chatstream.pipeline.internals.tracing;

import dev.chatstream.llm.LlmProvider;
import dev.chatstream.llm.LlmRequest;
import dev.chatstream.llm.LlmStreamListener;
import dev.chatstream.pipeline.LlmRegistry;
import dev.chatstream.pipeline.internals.generation.ActiveGeneration;
import dev.chatstream.pipeline.internals.generation.GenerationHandle;
import dev.chatstream.pipeline.internals.generation.GenerationTracer;
import dev.chatstream.pipeline.internals.semconv.GenAi;
import dev.chatstream.pipeline.internals.semconv.GenerationNames;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import java.util.Map;

/**
 * Opens a {@code chat {model}} span (kind CLIENT) when a generation attempt starts, with the GenAI
 * attributes known then: operation, provider, request model, conversation id, request options, and
 * chatstream's profile, request id and attempt; its parent is the trace context of the record that
 * asked for the generation. The span's context becomes the generation's {@code traceparent}, which its
 * output records carry. The returned {@link TracedListener} ends it, and its per-attempt children.
 */
final class GenerationSpans implements GenerationTracer {
  /** The instrumentation scope of chatstream's spans. */
  static final String SCOPE = "dev.chatstream.pipeline";

  private final Tracer tracer;
  private final LlmRegistry llms;
  private final boolean content;

  GenerationSpans(OpenTelemetry openTelemetry, LlmRegistry llms, boolean content) {
    this.tracer = openTelemetry.getTracer(SCOPE);
    this.llms = llms;
    this.content = content;
  }

  @Override
  public boolean enabled() {
    return true;
  }

  @Override
  public LlmStreamListener started(ActiveGeneration generation, LlmProvider provider, LlmRequest request,
      LlmStreamListener listener) {
    GenerationNames names = GenerationNames.of(generation.request(), llms);
    GenerationHandle handle = generation.handle();
    SpanBuilder builder = tracer.spanBuilder(GenAi.OPERATION_CHAT + " " + names.requestModel())
        .setSpanKind(SpanKind.CLIENT)
        .setParent(W3cTraceparent.parent(generation.parentTraceparent()))
        .setAttribute(GenAi.OPERATION_NAME, GenAi.OPERATION_CHAT)
        .setAttribute(GenAi.PROVIDER_NAME, names.providerName())
        .setAttribute(GenAi.REQUEST_MODEL, names.requestModel())
        .setAttribute(GenAi.CONVERSATION_ID, handle.conversationId())
        .setAttribute(GenAi.PROFILE, names.profile())
        .setAttribute(GenAi.REQUEST_ID, handle.requestId())
        .setAttribute(GenAi.ATTEMPT, handle.attempt());
    options(builder, request.extraOptions());
    if (content) {
      builder.setAttribute(GenAi.INPUT_MESSAGES, MessagesJson.input(request.context()));
    }
    Span span = builder.startSpan();
    generation.traceparent(W3cTraceparent.of(span.getSpanContext()));
    return new TracedListener(tracer, span, listener, content);
  }

  private static void options(SpanBuilder builder, Map<String, Object> options) {
    if (options.get("temperature") instanceof Number temperature) {
      builder.setAttribute(GenAi.REQUEST_TEMPERATURE, temperature.doubleValue());
    }
    if (options.get("top_p") instanceof Number topP) {
      builder.setAttribute(GenAi.REQUEST_TOP_P, topP.doubleValue());
    }
    Object maxTokens = options.containsKey("max_completion_tokens") ? options.get("max_completion_tokens")
        : options.get("max_tokens");
    if (maxTokens instanceof Number max) {
      builder.setAttribute(GenAi.REQUEST_MAX_TOKENS, max.longValue());
    }
  }
}
