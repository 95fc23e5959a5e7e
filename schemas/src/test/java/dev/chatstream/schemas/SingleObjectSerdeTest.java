package dev.chatstream.schemas;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatstream.events.AvailabilityChanged;
import dev.chatstream.events.ChatChunk;
import dev.chatstream.events.ConversationEvent;
import dev.chatstream.events.LLMMetrics;
import dev.chatstream.events.item.ChatMessage;
import dev.chatstream.schemas.EventDecodingException.Reason;
import dev.chatstream.schemas.internal.ResourceSchemaHistory;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.data.TimeConversions;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SingleObjectSerdeTest {

  private static final String TOPIC = "chatstream.test";

  private final Serde<ConversationEvent> conversations = EventSerdes.singleObject(ConversationEvent.class);

  static List<SpecificRecord> samples() {
    return EventSamples.all();
  }

  @ParameterizedTest
  @MethodSource("samples")
  void everyEventRoundTrips(SpecificRecord event) {
    Serde<SpecificRecord> serde = EventSerdes.singleObject(List.of(event.getClass()));

    byte[] bytes = serde.serializer().serialize(TOPIC, event);
    SpecificRecord decoded = serde.deserializer().deserialize(TOPIC, bytes);

    assertEquals(event, decoded);
    assertEquals(event.getClass(), decoded.getClass());
  }

  @ParameterizedTest
  @MethodSource("samples")
  void payloadIsSingleObjectEncodingReadableWithThePublishedSchemaAlone(SpecificRecord event) throws Exception {
    Schema schema = event.getSchema();
    byte[] bytes = EventSerdes.singleObject(List.of(event.getClass())).serializer().serialize(TOPIC, event);

    assertEquals((byte) 0xC3, bytes[0]);
    assertEquals((byte) 0x01, bytes[1]);
    assertEquals(SchemaNormalization.parsingFingerprint64(schema),
        ByteBuffer.wrap(bytes, 2, 8).order(ByteOrder.LITTLE_ENDIAN).getLong());
    Schema published;
    int latest = ResourceSchemaHistory.bundled().released(schema.getFullName()).size();
    try (InputStream in = getClass().getClassLoader().getResourceAsStream(ResourceSchemaHistory.FOLDER
        + ResourceSchemaHistory.fileName(schema.getFullName(), latest))) {
      published = new Schema.Parser().parse(in);
    }
    GenericData plainAvro = new GenericData();
    plainAvro.addLogicalTypeConversion(new TimeConversions.TimestampMillisConversion());
    GenericRecord generic = new BinaryMessageDecoder<GenericRecord>(plainAvro, published).decode(bytes);
    assertEquals(event, SpecificData.getForClass(event.getClass()).deepCopy(schema, generic));
  }

  @Test
  void recordUsedInsideEventsRoundTripsOnItsOwn() {
    Serde<ChatMessage> messages = EventSerdes.singleObject(ChatMessage.class);

    byte[] bytes = messages.serializer().serialize(TOPIC, EventSamples.message());

    assertEquals(EventSamples.message(), messages.deserializer().deserialize(TOPIC, bytes));
    assertEquals(Reason.WRONG_TYPE, assertThrows(EventDecodingException.class, () -> messages.deserializer()
        .deserialize(TOPIC, conversations.serializer().serialize(TOPIC, EventSamples.envelope(EventSamples.message()))))
        .reason());
  }

  @Test
  void nullBytesAreATombstone() {
    assertNull(conversations.deserializer().deserialize(TOPIC, null));
    assertNull(conversations.serializer().serialize(TOPIC, null));
  }

  @Test
  void emptyPayloadIsMalformed() {
    EventDecodingException error = decodingError(new byte[0]);

    assertEquals(Reason.MALFORMED, error.reason());
    assertEquals("payload of 0 bytes is shorter than the 10-byte Avro single-object header", error.getMessage());
  }

  @Test
  void bytesWithoutTheMarkerAreMalformed() {
    byte[] json = "{\"event_id\":\"e1\",\"secret\":\"sk-live-123\"}".getBytes();

    EventDecodingException error = decodingError(json);

    assertEquals(Reason.MALFORMED, error.reason());
    assertEquals("payload does not start with the Avro single-object marker C3 01 (found 7B22)", error.getMessage());
  }

  @Test
  void truncatedPayloadIsMalformedAndTheMessageHoldsNoPayload() {
    byte[] full = conversations.serializer().serialize(TOPIC, EventSamples.envelope(EventSamples.message()));
    byte[] truncated = Arrays.copyOf(full, full.length - 20);

    EventDecodingException error = decodingError(truncated);

    assertEquals(Reason.MALFORMED, error.reason());
    assertEquals("payload of " + truncated.length + " bytes ends inside the dev.chatstream.events.ConversationEvent"
        + " body (truncated)", error.getMessage());
  }

  @Test
  void truncatedHeaderIsMalformed() {
    byte[] full = conversations.serializer().serialize(TOPIC, EventSamples.envelope(EventSamples.message()));

    EventDecodingException error = decodingError(Arrays.copyOf(full, 6));

    assertEquals(Reason.MALFORMED, error.reason());
    assertTrue(error.getMessage().startsWith("payload of 6 bytes is shorter"), error.getMessage());
  }

  @Test
  void bytesLeftAfterTheRecordAreMalformed() {
    byte[] full = conversations.serializer().serialize(TOPIC, EventSamples.envelope(EventSamples.message()));

    EventDecodingException error = decodingError(Arrays.copyOf(full, full.length + 3));

    assertEquals(Reason.MALFORMED, error.reason());
    assertEquals("3 bytes left over after the dev.chatstream.events.ConversationEvent body", error.getMessage());
  }

  @Test
  void corruptBodyIsMalformed() {
    byte[] full = conversations.serializer().serialize(TOPIC, EventSamples.envelope(EventSamples.message()));
    byte[] corrupt = Arrays.copyOf(full, full.length);
    corrupt[10] = 0x55; // event_id length: -43

    EventDecodingException error = decodingError(corrupt);

    assertEquals(Reason.MALFORMED, error.reason());
    assertTrue(error.getMessage().startsWith("body is not a valid dev.chatstream.events.ConversationEvent: "),
        error.getMessage());
  }

  @Test
  void lengthRunningPastThePayloadIsRejectedBeforeAnythingIsAllocated() throws Exception {
    byte[] full = conversations.serializer().serialize(TOPIC, EventSamples.envelope(EventSamples.message()));
    ByteArrayOutputStream payload = new ByteArrayOutputStream();
    payload.write(full, 0, 10);
    BinaryEncoder body = EncoderFactory.get().directBinaryEncoder(payload, null);
    body.writeLong(Integer.MAX_VALUE - 16); // event_id: a 2 GB string in a 15-byte payload
    body.flush();

    EventDecodingException error = decodingError(payload.toByteArray());

    assertEquals(Reason.MALFORMED, error.reason());
    assertEquals("payload of 15 bytes ends inside the dev.chatstream.events.ConversationEvent body (truncated)",
        error.getMessage());
  }

  @Test
  void validHeaderWithUnknownFingerprintIsUnknownSchema() {
    byte[] full = conversations.serializer().serialize(TOPIC, EventSamples.envelope(EventSamples.message()));
    byte[] unknown = Arrays.copyOf(full, full.length);
    ByteBuffer.wrap(unknown, 2, 8).order(ByteOrder.LITTLE_ENDIAN).putLong(0x0123456789ABCDEFL);

    EventDecodingException error = decodingError(unknown);

    assertEquals(Reason.UNKNOWN_SCHEMA, error.reason());
    assertEquals("payload names schema fingerprint EFCDAB8967452301, which is no known version of"
        + " dev.chatstream.events.ConversationEvent", error.getMessage());
  }

  @Test
  void payloadOfAnotherEventIsWrongType() {
    byte[] chunk = EventSerdes.singleObject(ChatChunk.class).serializer().serialize(TOPIC, EventSamples.chatChunk());

    EventDecodingException error = decodingError(chunk);

    assertEquals(Reason.WRONG_TYPE, error.reason());
    assertEquals("payload is a dev.chatstream.events.ChatChunk, expected dev.chatstream.events.ConversationEvent",
        error.getMessage());
  }

  @Test
  void decodingErrorIsASerializationExceptionForKafkaHandlers() {
    assertTrue(SerializationException.class.isAssignableFrom(EventDecodingException.class));
  }

  @Test
  void serdeOfSeveralTypesReadsEachByItsFingerprint() {
    Serde<SpecificRecord> metrics = EventSerdes.singleObject(List.of(LLMMetrics.class, AvailabilityChanged.class));
    SpecificRecord availability = EventSamples.all().stream()
        .filter(AvailabilityChanged.class::isInstance).findFirst().orElseThrow();

    byte[] metricsBytes = metrics.serializer().serialize(TOPIC, EventSamples.llmMetrics());
    byte[] availabilityBytes = metrics.serializer().serialize(TOPIC, availability);

    assertEquals(EventSamples.llmMetrics(), metrics.deserializer().deserialize(TOPIC, metricsBytes));
    assertEquals(availability, metrics.deserializer().deserialize(TOPIC, availabilityBytes));
  }

  @Test
  void serdeOfSeveralTypesRejectsOthers() {
    Serde<SpecificRecord> metrics = EventSerdes.singleObject(List.of(LLMMetrics.class, AvailabilityChanged.class));
    byte[] chunk = EventSerdes.singleObject(ChatChunk.class).serializer().serialize(TOPIC, EventSamples.chatChunk());

    EventDecodingException error = assertThrows(EventDecodingException.class,
        () -> metrics.deserializer().deserialize(TOPIC, chunk));
    SerializationException writeError = assertThrows(SerializationException.class,
        () -> metrics.serializer().serialize(TOPIC, EventSamples.chatChunk()));

    assertEquals(Reason.WRONG_TYPE, error.reason());
    assertEquals("payload is a dev.chatstream.events.ChatChunk, expected dev.chatstream.events.LLMMetrics"
        + " or dev.chatstream.events.AvailabilityChanged", error.getMessage());
    assertEquals("cannot serialize a dev.chatstream.events.ChatChunk: this serde writes"
        + " [dev.chatstream.events.AvailabilityChanged, dev.chatstream.events.LLMMetrics]", writeError.getMessage());
    assertFalse(writeError instanceof EventDecodingException);
  }

  @Test
  void incompleteRecordFailsToSerializeWithTheMissingField() {
    ChatChunk incomplete = EventSamples.chatChunk();
    incomplete.setId(null);

    SerializationException error = assertThrows(SerializationException.class,
        () -> EventSerdes.singleObject(ChatChunk.class).serializer().serialize(TOPIC, incomplete));

    assertTrue(error.getMessage().contains("id"), error.getMessage());
  }

  @Test
  void serdeNeedsAType() {
    assertThrows(IllegalArgumentException.class, () -> EventSerdes.singleObject(List.of()));
  }

  private EventDecodingException decodingError(byte[] payload) {
    return assertThrows(EventDecodingException.class, () -> conversations.deserializer().deserialize(TOPIC, payload));
  }
}
