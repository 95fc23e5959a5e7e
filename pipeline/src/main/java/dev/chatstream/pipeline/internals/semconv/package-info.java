/**
 * Internal: the OpenTelemetry GenAI semantic-convention names that the meters
 * ({@code internals.metrics}) and the spans ({@code internals.tracing}) share, and how chatstream's
 * providers and errors map to their values ({@link dev.chatstream.pipeline.internals.semconv.GenAi}).
 */
package dev.chatstream.pipeline.internals.semconv;
