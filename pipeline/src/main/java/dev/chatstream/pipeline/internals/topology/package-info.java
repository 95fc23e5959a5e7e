/**
 * Internal: the Kafka Streams topology. Start at
 * {@link dev.chatstream.pipeline.internals.topology.ChatstreamTopology}: the source reads the input
 * topic, the {@code EventDecoder} turns bytes into commands (or dead letters), the
 * {@link dev.chatstream.pipeline.internals.topology.ConversationProcessor} applies them to state and
 * drains provider events in a wall-clock punctuator, and the
 * {@link dev.chatstream.pipeline.internals.topology.AvroOutputSink} is where a chunk becomes a Kafka
 * record on a sink node.
 */
package dev.chatstream.pipeline.internals.topology;
