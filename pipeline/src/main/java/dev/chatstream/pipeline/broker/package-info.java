/**
 * The embedded broker of the default run: a real single-node KRaft cluster from Kafka's own artifacts
 * in this process, with its data directory locked and reused across restarts. Start at
 * {@link dev.chatstream.pipeline.broker.EmbeddedKafka}; {@link dev.chatstream.pipeline.broker.TopicAdmin}
 * creates topics on any cluster.
 */
package dev.chatstream.pipeline.broker;
