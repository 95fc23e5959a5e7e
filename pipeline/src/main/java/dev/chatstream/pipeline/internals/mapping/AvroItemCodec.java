package dev.chatstream.pipeline.internals.mapping;

import dev.chatstream.events.item.ChatMessage;
import dev.chatstream.events.item.FunctionCall;
import dev.chatstream.events.item.FunctionCallOutput;
import dev.chatstream.llm.chat.ChatItem;
import dev.chatstream.pipeline.internals.state.ItemCodec;
import dev.chatstream.schemas.EventSerdes;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;

/**
 * Stores each item as its event in single-object encoding: the schema fingerprint names the
 * item's kind, and state written by an older release still reads.
 */
public final class AvroItemCodec implements ItemCodec {
  private static final String STORE = "conversation-items";

  private final Serde<SpecificRecord> serde = EventSerdes.singleObject(List.of(
      ChatMessage.class, FunctionCall.class, FunctionCallOutput.class));

  @Override
  public byte[] encode(ChatItem item) {
    return serde.serializer().serialize(STORE, ItemMapper.toAvro(item));
  }

  @Override
  public ChatItem decode(byte[] bytes) {
    return ItemMapper.toModel(serde.deserializer().deserialize(STORE, bytes));
  }
}
