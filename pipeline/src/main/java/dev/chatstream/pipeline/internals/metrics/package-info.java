/**
 * Internal: chatstream's meters. Start at
 * {@link dev.chatstream.pipeline.internals.metrics.ServiceMeters}, which holds the service's Micrometer
 * registries (Prometheus text for {@code GET /metrics}, JMX) and binds Kafka Streams' and the JVM's
 * metrics into them; {@link dev.chatstream.pipeline.internals.metrics.PipelineMeters} records the
 * OpenTelemetry GenAI meters and chatstream's own (drains, dead letters, retries, errors,
 * availability, generations in flight and queued), fed on the stream thread by
 * {@link dev.chatstream.pipeline.internals.metrics.MeteredOutputSink}, which sees every output event of
 * a generation. No meter is labelled with a conversation or request id.
 */
package dev.chatstream.pipeline.internals.metrics;
