/**
 * Internal: OpenTelemetry spans through Kafka. Start at
 * {@link dev.chatstream.pipeline.internals.tracing.Tracing}, which builds the SDK from the standard
 * {@code OTEL_*} variables when {@code tracing.enabled} is set. {@link
 * dev.chatstream.pipeline.internals.tracing.GenerationSpans} opens a {@code chat {model}} span per
 * generation attempt of the pipeline, parented by the {@code traceparent} of the record that asked for
 * it, and {@code TracedListener} closes it and its per-attempt children as the provider reports; the
 * span's context goes on every output record ({@link dev.chatstream.pipeline.internals.tracing.TraceHeaders}).
 * {@link dev.chatstream.pipeline.internals.tracing.SendSpans} does the producer's side. With tracing
 * off none of this runs.
 */
package dev.chatstream.pipeline.internals.tracing;
