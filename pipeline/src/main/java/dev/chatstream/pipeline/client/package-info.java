/**
 * Clients for applications around chatstream: {@link dev.chatstream.pipeline.client.ConversationProducer}
 * writes conversation events keyed by conversation id; {@link dev.chatstream.pipeline.client.OutputConsumer}
 * reads the output topics ({@code read_committed}) as {@link dev.chatstream.pipeline.client.OutputRecord}s.
 */
package dev.chatstream.pipeline.client;
