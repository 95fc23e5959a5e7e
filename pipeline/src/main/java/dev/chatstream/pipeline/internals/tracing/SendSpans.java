package dev.chatstream.pipeline.internals.tracing;

import dev.chatstream.pipeline.internals.semconv.GenAi;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Headers;

/**
 * The producer's side of a trace: a {@code send {topic}} span (kind PRODUCER, messaging attributes)
 * per record, a child of the caller's current context, whose {@code traceparent} goes into the
 * record's headers so the pipeline's spans continue the trace.
 */
public final class SendSpans {
  private static final AttributeKey<String> SYSTEM = AttributeKey.stringKey("messaging.system");
  private static final AttributeKey<String> DESTINATION = AttributeKey.stringKey("messaging.destination.name");
  private static final AttributeKey<String> OPERATION = AttributeKey.stringKey("messaging.operation.type");
  private static final AttributeKey<String> KEY = AttributeKey.stringKey("messaging.kafka.message.key");
  private static final AttributeKey<Long> PARTITION = AttributeKey.longKey("messaging.destination.partition.id");
  private static final AttributeKey<Long> OFFSET = AttributeKey.longKey("messaging.kafka.offset");

  private final Tracer tracer;

  /** Spans made with {@code openTelemetry}. */
  public SendSpans(OpenTelemetry openTelemetry) {
    this.tracer = openTelemetry.getTracer(GenerationSpans.SCOPE);
  }

  /** Starts the span of sending a record keyed {@code conversationId} to {@code topic}, and marks {@code headers}. */
  public Span start(String topic, String conversationId, Headers headers) {
    Span span = tracer.spanBuilder("send " + topic)
        .setSpanKind(SpanKind.PRODUCER)
        .setParent(Context.current())
        .setAttribute(SYSTEM, "kafka")
        .setAttribute(DESTINATION, topic)
        .setAttribute(OPERATION, "send")
        .setAttribute(KEY, conversationId)
        .setAttribute(GenAi.CONVERSATION_ID, conversationId)
        .startSpan();
    byte[] traceparent = W3cTraceparent.of(span.getSpanContext());
    if (traceparent != null) {
      headers.remove(TraceHeaders.TRACEPARENT);
      headers.add(TraceHeaders.TRACEPARENT, traceparent);
    }
    return span;
  }

  /** Ends {@code span} once the broker answered. */
  public void end(Span span, RecordMetadata metadata, Exception exception) {
    if (exception != null) {
      span.setAttribute(GenAi.ERROR_TYPE, exception.getClass().getName());
      span.setStatus(StatusCode.ERROR, exception.getMessage());
    } else if (metadata != null) {
      span.setAttribute(PARTITION, (long) metadata.partition());
      span.setAttribute(OFFSET, metadata.offset());
    }
    span.end();
  }
}
