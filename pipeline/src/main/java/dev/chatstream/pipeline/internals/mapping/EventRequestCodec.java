package dev.chatstream.pipeline.internals.mapping;

import dev.chatstream.events.ConversationEvent;
import dev.chatstream.events.command.GenerateReply;
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

  /** A codec reading with {@code deserializer}, as records of {@code topic}. */
  public EventRequestCodec(Deserializer<ConversationEvent> deserializer, String topic) {
    this.deserializer = deserializer;
    this.topic = topic;
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
