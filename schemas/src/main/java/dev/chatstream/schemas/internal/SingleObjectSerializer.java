package dev.chatstream.schemas.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes generated classes as Avro single-object payloads with their current schema. Thread-safe.
 *
 * @param <T> a common supertype of the classes written
 */
public final class SingleObjectSerializer<T extends SpecificRecord> implements Serializer<T> {

  private final Map<Class<?>, BinaryMessageEncoder<T>> encoders = new HashMap<>();
  /** Field by field through the schema: slower, but an error names the field at fault. */
  private final Map<Class<?>, BinaryMessageEncoder<T>> diagnosing = new HashMap<>();

  /**
   * A serializer of {@code types}.
   *
   * @throws IllegalArgumentException when {@code types} is empty
   */
  public SingleObjectSerializer(Collection<? extends Class<? extends T>> types) {
    if (types.isEmpty()) {
      throw new IllegalArgumentException("a serializer needs at least one type");
    }
    for (Class<? extends T> type : types) {
      Schema schema = SpecificData.get().getSchema(type);
      encoders.put(type, new BinaryMessageEncoder<>(CodedModels.of(type), schema));
      diagnosing.put(type, new BinaryMessageEncoder<>(SpecificData.getForClass(type), schema));
    }
  }

  /**
   * Encodes a value; null stays null (a tombstone).
   *
   * @throws SerializationException when the value is of a type this serializer does not write, or
   *     is incomplete (a required field is null)
   */
  @Override
  public byte[] serialize(String topic, T data) {
    if (data == null) {
      return null;
    }
    BinaryMessageEncoder<T> encoder = encoders.get(data.getClass());
    if (encoder == null) {
      throw new SerializationException("cannot serialize a " + data.getClass().getName()
          + ": this serde writes " + encoders.keySet().stream().map(Class::getName).sorted().toList());
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    try {
      encoder.encode(data, out);
    } catch (IOException | RuntimeException e) {
      throw new SerializationException("cannot encode a " + data.getClass().getName() + ": " + diagnosis(data, e), e);
    }
    return out.toByteArray();
  }

  /** What is wrong with {@code data}, as the schema-walking encoder reports it (it names the field). */
  private String diagnosis(T data, Exception fast) {
    try {
      diagnosing.get(data.getClass()).encode(data, new ByteArrayOutputStream());
      return fast.getMessage();
    } catch (IOException | RuntimeException e) {
      return e.getMessage();
    }
  }
}
