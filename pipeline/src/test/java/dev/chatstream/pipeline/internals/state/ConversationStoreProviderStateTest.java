package dev.chatstream.pipeline.internals.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.chatstream.llm.chat.ChatMessage;
import dev.chatstream.llm.chat.ChatRole;
import dev.chatstream.llm.state.ProviderConversation;
import dev.chatstream.llm.state.ResponseChain;
import dev.chatstream.pipeline.internals.mapping.AvroItemCodec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a provider keeps of a conversation, in the header and beside it: per profile, written where it changed. */
class ConversationStoreProviderStateTest {
  private static final String ENDPOINT = "https://api.openai.com/v1";

  @TempDir
  Path stateDir;

  private KeyValueStore<Bytes, byte[]> headers;
  private ConversationStore store;

  @BeforeEach
  void open() {
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "provider-state-test");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    MockProcessorContext<Object, Object> context = new MockProcessorContext<>(props, new TaskId(0, 0), stateDir.toFile());
    headers = memory(ConversationStore.HEADERS, context);
    store = new ConversationStore(memory(ConversationStore.ITEMS, context), memory(ConversationStore.INDEX, context),
        headers, new AvroItemCodec(), new ConversationLimits(100, 1_000_000));
  }

  @Test
  void aChainBelongsToTheProfileThatStoredIt() {
    ResponseChain chain = new ResponseChain("resp_1", ENDPOINT, "gpt-4.1", 3, "abcd", "item_1", 1);

    store.putProviderState("c", "responses", chain);

    assertEquals(Optional.of(chain), store.providerState("c", "responses"));
    assertEquals(Optional.empty(), store.providerState("c", "other"));
    assertEquals(Optional.empty(), store.providerState("elsewhere", "responses"));
  }

  @Test
  void itemsCountedInTheHeaderKeepTheState() {
    store.putProviderState("c", "responses", new ResponseChain("resp_1", ENDPOINT, "m", 0, "ab", null, 0));

    store.append("c", ChatMessage.of(ChatRole.USER, "hello"));

    assertEquals(1, store.header("c").itemCount());
    assertEquals("resp_1", ((ResponseChain) store.providerState("c", "responses").orElseThrow()).responseId());
  }

  @Test
  void aProviderConversationsItemIdsAreEntriesOfTheirOwnWrittenOnlyWhenTheyChange() {
    ProviderConversation first = new ProviderConversation("conv_1", ENDPOINT,
        Map.of("u1", List.of("msg_1"), "r1", List.of("rs_1", "msg_2")));
    store.putProviderState("c", "responses", first);
    int headerBytes = headers.get(StoreKeys.conversationPrefix("c")).length;

    ProviderConversation second = new ProviderConversation("conv_1", ENDPOINT,
        Map.of("r1", List.of("rs_1", "msg_2"), "u2", List.of("msg_3")));
    List<String> written = new ArrayList<>();
    Map<Bytes, byte[]> before = snapshot();
    store.putProviderState("c", "responses", second);
    for (KeyValue<Bytes, byte[]> entry : entries()) {
      byte[] old = before.get(entry.key);
      if (old == null || !Arrays.equals(old, entry.value)) {
        written.add(entry.key.equals(StoreKeys.conversationPrefix("c")) ? "header"
            : StoreKeys.providerItemOf(entry.key, "c"));
      }
    }

    assertEquals(Optional.of(second), store.providerState("c", "responses"));
    assertEquals(List.of("u2"), written.stream().filter(name -> !name.equals("header")).toList(),
        "only the new item is written; u1 is deleted, r1 left alone");
    assertNull(headers.get(StoreKeys.providerItemKey("c", "u1")));
    assertEquals(headerBytes, headers.get(StoreKeys.conversationPrefix("c")).length,
        "the header does not grow with the items");
  }

  @Test
  void anotherStateOrNoneDropsTheConversationsItems() {
    store.putProviderState("c", "responses", new ProviderConversation("conv_1", ENDPOINT,
        Map.of("u1", List.of("msg_1"))));

    store.putProviderState("c", "responses", null);

    assertEquals(Optional.empty(), store.providerState("c", "responses"));
    assertNull(headers.get(StoreKeys.providerItemKey("c", "u1")));
    assertNull(store.header("c").providerHold());
  }

  @Test
  void deletingTheConversationDeletesWhatTheProviderKeeps() {
    store.append("c", ChatMessage.of(ChatRole.USER, "hello"));
    store.putProviderState("c", "responses", new ProviderConversation("conv_1", ENDPOINT,
        Map.of("u1", List.of("msg_1"), "u2", List.of("msg_2"))));

    store.delete("c");

    assertEquals(List.of(), entries());
    assertEquals(Optional.empty(), store.providerState("c", "responses"));
  }

  private List<KeyValue<Bytes, byte[]>> entries() {
    List<KeyValue<Bytes, byte[]>> all = new ArrayList<>();
    try (KeyValueIterator<Bytes, byte[]> it = headers.all()) {
      it.forEachRemaining(all::add);
    }
    return all;
  }

  private Map<Bytes, byte[]> snapshot() {
    Map<Bytes, byte[]> copy = new HashMap<>();
    entries().forEach(entry -> copy.put(entry.key, entry.value));
    return copy;
  }

  private static KeyValueStore<Bytes, byte[]> memory(String name, MockProcessorContext<Object, Object> context) {
    KeyValueStore<Bytes, byte[]> store = Stores.keyValueStoreBuilder(
            Stores.inMemoryKeyValueStore(name), Serdes.Bytes(), Serdes.ByteArray())
        .withLoggingDisabled()
        .build();
    store.init(context.getStateStoreContext(), store);
    return store;
  }
}
