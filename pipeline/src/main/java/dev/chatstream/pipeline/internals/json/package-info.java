/**
 * Internal: chatstream's wire JSON. The JSON lines {@code chatstream produce} reads
 * ({@link dev.chatstream.pipeline.internals.json.InputEventJson}, read with the connectors' strict
 * {@code FieldReader}) and the interactive commands write ({@code InputEventLines}); events as the JSON
 * lines {@code chatstream consume} prints ({@code OutputEventJson}, {@code OutputRecordJson}); and the
 * JSON-encoded values of the events' string maps ({@code JsonValues}).
 */
package dev.chatstream.pipeline.internals.json;
