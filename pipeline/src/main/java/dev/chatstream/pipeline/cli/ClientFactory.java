package dev.chatstream.pipeline.cli;

import dev.chatstream.pipeline.Topics;
import dev.chatstream.pipeline.client.ConversationProducer;
import dev.chatstream.pipeline.client.OutputConsumer;
import dev.chatstream.pipeline.config.ChatstreamConfig;
import dev.chatstream.pipeline.internals.tracing.Tracing;
import java.util.Collection;

/** Producers and consumers configured like the service: same cluster, topics and serde. */
final class ClientFactory {
  private final ChatstreamConfig config;
  private final Topics topics;

  ClientFactory(ChatstreamConfig config) {
    this.config = config;
    this.topics = Topics.of(config);
  }

  Topics topics() {
    return topics;
  }

  ConversationProducer producer() {
    return new ConversationProducer(config.clientProperties(), topics);
  }

  /** A producer whose sends are traced with {@code tracing}, when it is on. */
  ConversationProducer producer(Tracing tracing) {
    return tracing.enabled() ? new ConversationProducer(config.clientProperties(), topics, tracing.openTelemetry())
        : producer();
  }

  OutputConsumer consumer(Collection<String> topicNames, boolean fromBeginning) {
    return new OutputConsumer(config.clientProperties(), topics, topicNames, fromBeginning);
  }
}
