package dev.chatstream.pipeline.internals.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** W3C {@code traceparent} values to and from OpenTelemetry contexts, with the SDK's own propagator. */
final class W3cTraceparent {
  private static final W3CTraceContextPropagator PROPAGATOR = W3CTraceContextPropagator.getInstance();
  private static final TextMapGetter<String> SINGLE = new TextMapGetter<>() {
    @Override
    public Iterable<String> keys(String carrier) {
      return List.of(TraceHeaders.TRACEPARENT);
    }

    @Override
    public String get(String carrier, String key) {
      return TraceHeaders.TRACEPARENT.equals(key) ? carrier : null;
    }
  };

  private W3cTraceparent() {}

  /** The context {@code traceparent} names; the root context when it is null or invalid. */
  static Context parent(String traceparent) {
    return traceparent == null ? Context.root() : PROPAGATOR.extract(Context.root(), traceparent, SINGLE);
  }

  /** The {@code traceparent} header value of {@code span}. */
  static byte[] of(SpanContext span) {
    String[] value = new String[1];
    PROPAGATOR.inject(Context.root().with(Span.wrap(span)), value, (carrier, key, text) -> {
      if (TraceHeaders.TRACEPARENT.equals(key)) {
        carrier[0] = text;
      }
    });
    return value[0] == null ? null : value[0].getBytes(StandardCharsets.US_ASCII);
  }
}
