/**
 * Internal: events (the Avro contract, {@code dev.chatstream.events}) to and from the connectors' model
 * ({@code dev.chatstream.llm}). Both vocabularies name a message {@code ChatMessage}, a chunk
 * {@code ChatChunk}, and so on; they meet only here, where the events are imported and a model type
 * that shares an event's name is written with its package. Items: {@code ItemMapper} (and
 * {@code AvroItemCodec}, how the stores keep them); requests: {@code RequestMapper}; outputs:
 * {@code OutputEvents}.
 */
package dev.chatstream.pipeline.internals.mapping;
