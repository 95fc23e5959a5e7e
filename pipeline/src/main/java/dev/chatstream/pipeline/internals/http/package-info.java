/**
 * Internal: the service's HTTP endpoints, on the JDK's own server ({@code com.sun.net.httpserver}).
 * Start at {@link dev.chatstream.pipeline.internals.http.OperationsServer}: {@code GET /metrics}
 * (Prometheus text), {@code GET /health/live} and {@code GET /health/ready} ({@code HealthEndpoints},
 * with {@code BrokerProbe}), and {@code GET /conversations/{id}}
 * ({@link dev.chatstream.pipeline.internals.http.ConversationQueries}: Kafka Streams' interactive
 * queries, answered here when this instance owns the conversation and fetched from its owner
 * otherwise). Every error is a 4xx or 5xx with a JSON body, never a stack trace.
 */
package dev.chatstream.pipeline.internals.http;
