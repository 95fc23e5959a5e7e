/**
 * chatstream's public face. Start at {@link dev.chatstream.pipeline.ChatstreamRuntime}
 * ({@code chatstream run}: the embedded broker when no cluster is named, the providers, the service)
 * or {@link dev.chatstream.pipeline.ChatstreamService} (the Kafka Streams application on a cluster, and
 * {@code buildTopology}/{@code streamsConfig} for tests); {@link dev.chatstream.pipeline.Topics} names
 * every topic with its serdes; {@link dev.chatstream.pipeline.LlmRegistry} serves the LLM profiles.
 * Configuration is in {@code config}, producer and consumer clients in {@code client}, the embedded
 * broker in {@code broker}, the command line in {@code cli}. Everything under {@code internals} may
 * change without notice.
 */
package dev.chatstream.pipeline;
