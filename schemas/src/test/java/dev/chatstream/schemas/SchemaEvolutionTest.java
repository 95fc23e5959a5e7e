package dev.chatstream.schemas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatstream.events.ConversationEvent;
import dev.chatstream.events.command.GenerateReply;
import dev.chatstream.events.item.ChatMessage;
import dev.chatstream.events.item.ChatRole;
import dev.chatstream.events.item.ImageContent;
import dev.chatstream.events.item.ImageDetail;
import dev.chatstream.events.item.TextContent;
import dev.chatstream.schemas.EventDecodingException.Reason;
import dev.chatstream.schemas.internal.ResourceSchemaHistory;
import dev.chatstream.schemas.internal.SchemaHistory;
import dev.chatstream.schemas.internal.SingleObjectDeserializer;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericData.EnumSymbol;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.generic.GenericRecordBuilder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.avro.util.RandomData;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Payloads written with an older schema are read by the current classes, missing fields taking their defaults. */
class SchemaEvolutionTest {

  private static final String TOPIC = "chatstream.conversations";

  private final Schema older = parse("older/ConversationEvent.avsc");
  private final SchemaHistory withOlder = name ->
      name.equals(older.getFullName()) ? List.of(older) : ResourceSchemaHistory.bundled().released(name);
  private final Deserializer<ConversationEvent> reader =
      new SingleObjectDeserializer<>(List.of(ConversationEvent.class), withOlder);

  @Test
  void olderGenerateReplyIsReadWithDefaults() throws IOException {
    GenericRecord reply = new GenericRecordBuilder(branch("GenerateReply"))
        .set("request_id", "req-1").set("llm", null).set("model", null).set("tools", List.of())
        .build();

    ConversationEvent event = reader.deserialize(TOPIC, writeWithOlder(reply));

    GenerateReply decoded = (GenerateReply) event.getPayload();
    assertEquals("req-1", decoded.getRequestId());
    assertEquals(Map.of(), decoded.getOptions());
    assertNull(decoded.getToolChoice());
    assertNull(decoded.getParallelToolCalls());
    assertNull(decoded.getConnectOptions());
    assertNull(decoded.getContextTransform());
    assertFalse(decoded.getAutoToolReply());
    assertEquals(5, decoded.getMaxToolSteps());
    assertFalse(decoded.getInterrupt());
    assertEquals(Map.of(), decoded.getMetadata());
  }

  @Test
  void olderMessageIsReadWithDefaults() throws IOException {
    Schema messageSchema = branch("ChatMessage");
    Schema contentSchema = messageSchema.getField("content").schema().getElementType();
    Schema textSchema = contentSchema.getTypes().get(contentSchema.getIndexNamed("dev.chatstream.events.item.TextContent"));
    Schema imageSchema = contentSchema.getTypes().get(contentSchema.getIndexNamed("dev.chatstream.events.item.ImageContent"));
    GenericRecord message = new GenericRecordBuilder(messageSchema)
        .set("id", "item_1")
        .set("role", new EnumSymbol(messageSchema.getField("role").schema(), "user"))
        .set("content", List.of(
            new GenericRecordBuilder(textSchema).set("text", "what is this?").build(),
            new GenericRecordBuilder(imageSchema).set("id", "img_1").set("image", "https://example.com/a.png").build()))
        .set("interrupted", false)
        .set("created_at", 1_700_000_000.5)
        .build();

    ConversationEvent event = reader.deserialize(TOPIC, writeWithOlder(message));

    ChatMessage decoded = (ChatMessage) event.getPayload();
    assertEquals(ChatRole.user, decoded.getRole());
    assertEquals("what is this?", ((TextContent) decoded.getContent().get(0)).getText());
    ImageContent image = (ImageContent) decoded.getContent().get(1);
    assertEquals(ImageDetail.auto, image.getInferenceDetail());
    assertNull(image.getInferenceWidth());
    assertNull(image.getMimeType());
    assertNull(decoded.getTranscriptConfidence());
    assertEquals(Map.of(), decoded.getExtra());
    assertEquals(1_700_000_000.5, decoded.getCreatedAt());
  }

  @Test
  void olderPayloadIsUnknownWithoutItsReleasedSchema() throws IOException {
    GenericRecord reply = new GenericRecordBuilder(branch("GenerateReply"))
        .set("request_id", "req-1").set("llm", null).set("model", null).set("tools", List.of())
        .build();
    byte[] payload = writeWithOlder(reply);

    EventDecodingException error = assertThrows(EventDecodingException.class,
        () -> EventSerdes.singleObject(ConversationEvent.class).deserializer().deserialize(TOPIC, payload));

    assertEquals(Reason.UNKNOWN_SCHEMA, error.reason());
  }

  @Test
  void olderSchemaIsCompatibleBothWaysWithTheCurrentOne() {
    assertTrue(SchemaCompatibilityTest.incompatibilities(ConversationEvent.getClassSchema(), older, "older").isEmpty());
  }

  static Stream<Schema> releasedVersions() {
    return EventTypes.all().stream()
        .map(event -> SpecificData.get().getSchema(event).getFullName())
        .flatMap(name -> ResourceSchemaHistory.bundled().released(name).stream());
  }

  @ParameterizedTest
  @MethodSource("releasedVersions")
  void randomPayloadsOfEveryReleasedVersionAreReadAndRewritten(Schema released) throws IOException {
    Class<? extends SpecificRecord> type = EventTypes.all().stream()
        .filter(event -> SpecificData.get().getSchema(event).getFullName().equals(released.getFullName()))
        .findFirst().orElseThrow();
    Serde<SpecificRecord> serde = EventSerdes.singleObject(List.of(type));
    BinaryMessageEncoder<Object> writer = new BinaryMessageEncoder<>(GenericData.get(), released);

    for (Object datum : new RandomData(released, 50, 20240611L)) {
      SpecificRecord decoded = serde.deserializer().deserialize(TOPIC, writer.encode(datum).array());

      assertEquals(type, decoded.getClass());
      assertEquals(decoded, serde.deserializer().deserialize(TOPIC, serde.serializer().serialize(TOPIC, decoded)));
    }
  }

  private Schema branch(String simpleName) {
    Schema payload = older.getField("payload").schema();
    return payload.getTypes().stream().filter(type -> type.getName().equals(simpleName)).findFirst().orElseThrow();
  }

  private byte[] writeWithOlder(GenericRecord payload) throws IOException {
    GenericRecord envelope = new GenericRecordBuilder(older)
        .set("event_id", "evt-1").set("conversation_id", "conv-1").set("produced_at", 1_700_000_000_000L)
        .set("payload", payload)
        .build();
    return new BinaryMessageEncoder<GenericRecord>(GenericData.get(), older).encode(envelope).array();
  }

  private static Schema parse(String resource) {
    try (InputStream in = SchemaEvolutionTest.class.getClassLoader().getResourceAsStream(resource)) {
      return new Schema.Parser().parse(in);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
