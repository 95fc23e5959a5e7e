package dev.chatstream.schemas.internal;

import dev.chatstream.schemas.EventDecodingException;
import dev.chatstream.schemas.EventDecodingException.Reason;
import dev.chatstream.schemas.EventTypes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads Avro single-object payloads of one or more generated classes, written with their current schema
 * or any released one, and resolves them to the current schema. Thread-safe.
 *
 * @param <T> a common supertype of the classes read
 */
public final class SingleObjectDeserializer<T extends SpecificRecord> implements Deserializer<T> {

  private final Map<Long, PayloadReader<? extends T>> readers = new HashMap<>();
  private final Map<Long, String> otherEvents = new HashMap<>();
  private final String expected;

  /**
   * A deserializer of {@code types} that also accepts the released schemas {@code history} knows.
   *
   * @throws IllegalArgumentException when {@code types} is empty
   */
  public SingleObjectDeserializer(Collection<? extends Class<? extends T>> types, SchemaHistory history) {
    if (types.isEmpty()) {
      throw new IllegalArgumentException("a deserializer needs at least one type");
    }
    TrustedClasses.trust(types.stream().map(type -> SpecificData.get().getSchema(type)).toList());
    Set<String> names = new LinkedHashSet<>();
    for (Class<? extends T> type : types) {
      names.add(addReaders(type, history));
    }
    for (Class<? extends SpecificRecord> event : EventTypes.all()) {
      Schema schema = SpecificData.get().getSchema(event);
      if (!names.contains(schema.getFullName())) {
        versions(schema, history).forEach(v -> otherEvents.put(fingerprint(v), schema.getFullName()));
      }
    }
    expected = String.join(" or ", names);
  }

  private <R extends T> String addReaders(Class<R> type, SchemaHistory history) {
    Schema current = SpecificData.get().getSchema(type);
    BinaryMessageDecoder<R> decoder = new BinaryMessageDecoder<>(CodedModels.of(type), current);
    for (Schema version : versions(current, history)) {
      decoder.addSchema(version);
      readers.put(fingerprint(version), new PayloadReader<>(version, decoder));
    }
    return current.getFullName();
  }

  private static List<Schema> versions(Schema current, SchemaHistory history) {
    List<Schema> versions = new ArrayList<>(history.released(current.getFullName()));
    versions.add(current);
    return versions;
  }

  private static long fingerprint(Schema schema) {
    return SchemaNormalization.parsingFingerprint64(schema);
  }

  /**
   * Decodes a payload; null stays null.
   *
   * @throws EventDecodingException when the payload is malformed, names an unknown schema, or is
   *     another event type
   */
  @Override
  public T deserialize(String topic, byte[] data) {
    if (data == null) {
      return null;
    }
    long fingerprint = SingleObjectHeader.fingerprint(data);
    PayloadReader<? extends T> reader = readers.get(fingerprint);
    if (reader == null) {
      throw unreadable(fingerprint);
    }
    return reader.read(data);
  }

  private EventDecodingException unreadable(long fingerprint) {
    String other = otherEvents.get(fingerprint);
    if (other != null) {
      return new EventDecodingException(Reason.WRONG_TYPE, "payload is a " + other + ", expected " + expected);
    }
    return new EventDecodingException(Reason.UNKNOWN_SCHEMA, "payload names schema fingerprint "
        + SingleObjectHeader.hex(fingerprint) + ", which is no known version of " + expected);
  }
}
