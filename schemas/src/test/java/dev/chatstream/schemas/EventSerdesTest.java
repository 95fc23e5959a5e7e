package dev.chatstream.schemas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatstream.events.AvailabilityChanged;
import dev.chatstream.events.ChatChunk;
import dev.chatstream.events.ConversationEvent;
import dev.chatstream.events.LLMMetrics;
import dev.chatstream.schemas.EventDecodingException.Reason;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;

class EventSerdesTest {

  private static final String TOPIC = "chatstream.chunks";
  private static final Map<String, Object> REGISTRY = Map.of(
      EventSerdeConfig.SERDE_CONFIG, EventSerdeConfig.REGISTRY,
      EventSerdeConfig.REGISTRY_SERDE_CLASS_CONFIG, InMemoryRegistrySerde.class.getName(),
      InMemoryRegistrySerde.SPECIFIC_CONFIG, "true",
      "inmemory.registry.url", "http://registry.test:8080");

  @Test
  void singleObjectIsTheDefault() {
    Serde<ChatChunk> serde = EventSerdes.fromConfig(ChatChunk.class, Map.of());

    byte[] bytes = serde.serializer().serialize(TOPIC, EventSamples.chatChunk());

    assertEquals((byte) 0xC3, bytes[0]);
    assertEquals((byte) 0x01, bytes[1]);
    assertEquals(EventSamples.chatChunk(), serde.deserializer().deserialize(TOPIC, bytes));
  }

  @Test
  void singleObjectModeIgnoresRegistrySettings() {
    Serde<ChatChunk> serde = EventSerdes.fromConfig(ChatChunk.class, Map.of(
        EventSerdeConfig.SERDE_CONFIG, EventSerdeConfig.SINGLE_OBJECT,
        EventSerdeConfig.REGISTRY_SERDE_CLASS_CONFIG, InMemoryRegistrySerde.class.getName()));

    byte[] bytes = serde.serializer().serialize(TOPIC, EventSamples.chatChunk());

    assertEquals((byte) 0xC3, bytes[0]);
  }

  @Test
  void unknownSerdeIsAConfigError() {
    ConfigException error = assertThrows(ConfigException.class,
        () -> EventSerdes.fromConfig(ChatChunk.class, Map.of(EventSerdeConfig.SERDE_CONFIG, "json")));

    assertTrue(error.getMessage().contains(EventSerdeConfig.SERDE_CONFIG), error.getMessage());
  }

  @Test
  void registryWithoutASerdeClassIsAConfigError() {
    ConfigException error = assertThrows(ConfigException.class, () -> EventSerdes.fromConfig(
        ChatChunk.class, Map.of(EventSerdeConfig.SERDE_CONFIG, EventSerdeConfig.REGISTRY)));

    assertEquals("chatstream.serde.registry.class must name a Serde class when chatstream.serde=registry",
        error.getMessage());
  }

  @Test
  void registrySerdeClassThatIsNoSerdeIsAConfigError() {
    ConfigException error = assertThrows(ConfigException.class, () -> EventSerdes.fromConfig(ChatChunk.class,
        Map.of(EventSerdeConfig.SERDE_CONFIG, EventSerdeConfig.REGISTRY,
            EventSerdeConfig.REGISTRY_SERDE_CLASS_CONFIG, String.class.getName())));

    assertTrue(error.getMessage().contains("must implement org.apache.kafka.common.serialization.Serde"),
        error.getMessage());
  }

  @Test
  void registrySerdeClassThatDoesNotExistIsAConfigError() {
    assertThrows(ConfigException.class, () -> EventSerdes.fromConfig(ChatChunk.class,
        Map.of(EventSerdeConfig.SERDE_CONFIG, EventSerdeConfig.REGISTRY,
            EventSerdeConfig.REGISTRY_SERDE_CLASS_CONFIG, "com.example.NoSuchSerde")));
  }

  @Test
  void registrySerdeIsConfiguredAsAValueSerdeWithEveryProperty() {
    EventSerdes.fromConfig(ChatChunk.class, REGISTRY);

    assertEquals(REGISTRY, InMemoryRegistrySerde.lastConfigs);
    assertFalse(InMemoryRegistrySerde.lastIsKey);
  }

  @Test
  void registrySerdeRoundTripsAndForwardsHeaders() {
    Serde<ChatChunk> serde = EventSerdes.fromConfig(ChatChunk.class, REGISTRY);
    RecordHeaders headers = new RecordHeaders();

    byte[] bytes = serde.serializer().serialize(TOPIC, headers, EventSamples.chatChunk());

    assertNotNull(headers.lastHeader(InMemoryRegistrySerde.SCHEMA_ID_HEADER));
    assertEquals(EventSamples.chatChunk(), serde.deserializer().deserialize(TOPIC, headers, bytes));
    assertNull(serde.deserializer().deserialize(TOPIC, headers, (byte[]) null));
  }

  @Test
  void registryPayloadOfAnotherEventIsWrongType() {
    byte[] chunk = EventSerdes.fromConfig(ChatChunk.class, REGISTRY).serializer().serialize(TOPIC, EventSamples.chatChunk());
    Serde<ConversationEvent> conversations = EventSerdes.fromConfig(ConversationEvent.class, REGISTRY);

    EventDecodingException error = assertThrows(EventDecodingException.class,
        () -> conversations.deserializer().deserialize(TOPIC, chunk));

    assertEquals(Reason.WRONG_TYPE, error.reason());
    assertEquals("payload is a dev.chatstream.events.ChatChunk, expected dev.chatstream.events.ConversationEvent",
        error.getMessage());
  }

  @Test
  void registrySerdeReturningGenericRecordsIsWrongTypeWithAHint() {
    Map<String, Object> generic = new java.util.HashMap<>(REGISTRY);
    generic.put(InMemoryRegistrySerde.SPECIFIC_CONFIG, "false");
    Serde<ChatChunk> serde = EventSerdes.fromConfig(ChatChunk.class, generic);
    byte[] bytes = serde.serializer().serialize(TOPIC, EventSamples.chatChunk());

    EventDecodingException error = assertThrows(EventDecodingException.class,
        () -> serde.deserializer().deserialize(TOPIC, bytes));

    assertEquals(Reason.WRONG_TYPE, error.reason());
    assertTrue(error.getMessage().endsWith("(the registry serde returned a generic record: configure it to"
        + " return generated classes)"), error.getMessage());
  }

  @Test
  void registrySerdeOfSeveralTypesWritesOnlyThose() {
    Serde<SpecificRecord> metrics = EventSerdes.fromConfig(List.of(LLMMetrics.class, AvailabilityChanged.class), REGISTRY);

    byte[] bytes = metrics.serializer().serialize(TOPIC, EventSamples.llmMetrics());
    SerializationException error = assertThrows(SerializationException.class,
        () -> metrics.serializer().serialize(TOPIC, EventSamples.chatChunk()));

    assertEquals(EventSamples.llmMetrics(), metrics.deserializer().deserialize(TOPIC, bytes));
    assertEquals("cannot serialize a dev.chatstream.events.ChatChunk: this serde writes"
        + " dev.chatstream.events.LLMMetrics or dev.chatstream.events.AvailabilityChanged", error.getMessage());
  }

  @Test
  void configDefDocumentsBothSettings() {
    assertEquals(EventSerdeConfig.SINGLE_OBJECT,
        EventSerdeConfig.configDef().defaultValues().get(EventSerdeConfig.SERDE_CONFIG));
    assertTrue(EventSerdeConfig.configDef().names().contains(EventSerdeConfig.REGISTRY_SERDE_CLASS_CONFIG));
  }
}
