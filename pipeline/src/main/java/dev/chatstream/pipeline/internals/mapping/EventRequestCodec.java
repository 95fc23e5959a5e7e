package dev.chatstream.pipeline.internals.mapping;

import dev.chatstream.events.ConversationEvent;
import dev.chatstream.events.command.GenerateReply;
import dev.chatstream.pipeline.Topic;
import dev.chatstream.pipeline.internals.generation.ReplyRequest;
import dev.chatstream.pipeline.internals.generation.RequestCodec;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads a stored request: the generations store keeps each request as the input record's value, a
 * {@code ConversationEvent} whose payload is the {@code GenerateReply}.
 */
public final class EventRequestCodec implements RequestCodec {
  private final Deserializer<ConversationEvent> deserializer;
  private final String topic;

  /** A codec reading requests as the records of the input topic {@code conversations} were written. */
  public EventRequestCodec(Topic<ConversationEvent> conversations) {
    this.deserializer = conversations.valueSerde().deserializer();
    this.topic = conversations.name();
  }

  @Override
  public ReplyRequest decode(byte[] bytes) {
    ConversationEvent event = deserializer.deserialize(topic, bytes);
    if (!(event.getPayload() instanceof GenerateReply reply)) {
      throw new IllegalStateException("stored request is a " + event.getPayload().getClass().getSimpleName());
    }
    return RequestMapper.toRequest(reply);
  }
}
