package dev.chatstream.pipeline.internals.state;

import dev.chatstream.llm.chat.ChatContext;
import dev.chatstream.llm.chat.ChatItem;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.BytesSerializer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * A conversation as its task's stores hold it at one moment, read from outside the stream thread
 * (Kafka Streams' interactive queries): its context in order, its header, and its queued and running
 * generation requests.
 *
 * @param context the items, in order
 * @param header counts and the tool loop waiting for outputs ({@link ConversationHeader#EMPTY} when none)
 * @param generations queued and running requests, in queue order
 */
public record ConversationSnapshot(ChatContext context, ConversationHeader header, List<GenerationEntry> generations) {
  private static final BytesSerializer PREFIX_SERIALIZER = new BytesSerializer();

  /** Copies the list. */
  public ConversationSnapshot {
    generations = List.copyOf(generations);
  }

  /** True when the stores hold nothing of the conversation. */
  public boolean isEmpty() {
    return context.isEmpty() && generations.isEmpty() && header.equals(ConversationHeader.EMPTY);
  }

  /**
   * Reads {@code conversationId} from read-only views of the items, headers and generations stores.
   *
   * @param codec how the items are stored
   */
  public static ConversationSnapshot read(String conversationId, ReadOnlyKeyValueStore<Bytes, byte[]> items,
      ReadOnlyKeyValueStore<Bytes, byte[]> headers, ReadOnlyKeyValueStore<Bytes, byte[]> generations, ItemCodec codec) {
    Bytes prefix = StoreKeys.conversationPrefix(conversationId);
    List<ChatItem> context = new ArrayList<>();
    try (KeyValueIterator<Bytes, byte[]> it = items.prefixScan(prefix, PREFIX_SERIALIZER)) {
      it.forEachRemaining(kv -> context.add(codec.decode(kv.value)));
    }
    byte[] header = headers.get(prefix);
    List<GenerationEntry> entries = new ArrayList<>();
    try (KeyValueIterator<Bytes, byte[]> it = generations.prefixScan(prefix, PREFIX_SERIALIZER)) {
      it.forEachRemaining(kv -> entries.add(GenerationEntryCodec.decode(kv.value)));
    }
    return new ConversationSnapshot(ChatContext.of(context),
        header == null ? ConversationHeader.EMPTY : ConversationHeaderCodec.decode(header), entries);
  }
}
