package dev.chatstream.pipeline.cli;

import dev.chatstream.events.ConversationEvent;
import dev.chatstream.pipeline.ChatstreamService;
import dev.chatstream.pipeline.EventSerdeSettings;
import dev.chatstream.pipeline.Topics;
import dev.chatstream.pipeline.client.ConversationProducer;
import dev.chatstream.pipeline.client.OutputConsumer;
import dev.chatstream.pipeline.config.ChatstreamConfig;
import dev.chatstream.schemas.EventSerdes;
import dev.chatstream.schemas.EventTypes;
import java.util.Collection;
import java.util.Map;

/** Producers and consumers configured like the service: same cluster, topics and serde. */
final class ClientFactory {
  private final ChatstreamConfig config;
  private final Topics topics;

  ClientFactory(ChatstreamConfig config) {
    this.config = config;
    this.topics = ChatstreamService.topics(config);
  }

  Topics topics() {
    return topics;
  }

  ConversationProducer producer() {
    return new ConversationProducer(config.clientProperties(),
        EventSerdes.fromConfig(ConversationEvent.class, serdeSettings()).serializer(), topics);
  }

  OutputConsumer consumer(Collection<String> topicNames, boolean fromBeginning) {
    return new OutputConsumer(config.clientProperties(),
        EventSerdes.fromConfig(EventTypes.all(), serdeSettings()).deserializer(), topicNames, topics.dlq(),
        fromBeginning);
  }

  private Map<String, Object> serdeSettings() {
    return EventSerdeSettings.of(config);
  }
}
