package dev.chatstream.schemas.internal;

import dev.chatstream.schemas.EventDecodingException;
import dev.chatstream.schemas.EventDecodingException.Reason;
import java.nio.ByteBuffer;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A configured registry serde that only writes and returns the expected generated classes. Failures of
 * the registry serde itself (an unreachable registry, an unknown schema id) pass through unchanged, so
 * the caller can tell an outage from a bad record; a value of another type is a
 * {@link EventDecodingException} with reason WRONG_TYPE.
 *
 * <p>Avro is told to trust the expected classes, so a registry serde's specific reader may create them.
 *
 * @param <T> a common supertype of the expected classes
 */
public final class TypeCheckedSerde<T extends SpecificRecord> implements Serde<T> {

  private final Serde<?> delegate;
  private final Serializer<Object> delegateSerializer;
  private final Deserializer<?> delegateDeserializer;
  private final List<Class<? extends T>> types;

  /**
   * Wraps an already configured serde.
   *
   * @throws IllegalArgumentException when {@code types} is empty
   */
  @SuppressWarnings("unchecked")
  public TypeCheckedSerde(Serde<?> delegate, Collection<? extends Class<? extends T>> types) {
    if (types.isEmpty()) {
      throw new IllegalArgumentException("a serde needs at least one type");
    }
    this.delegate = delegate;
    // registry serdes are generic over their values: any object reaches their serializer
    this.delegateSerializer = (Serializer<Object>) delegate.serializer();
    this.delegateDeserializer = delegate.deserializer();
    this.types = List.copyOf(types);
    TrustedClasses.trust(this.types.stream().map(type -> SpecificData.get().getSchema(type)).toList());
  }

  @Override
  public Serializer<T> serializer() {
    return new Serializer<>() {
      @Override
      public byte[] serialize(String topic, T data) {
        return delegateSerializer.serialize(topic, checkWritable(data));
      }

      @Override
      public byte[] serialize(String topic, Headers headers, T data) {
        return delegateSerializer.serialize(topic, headers, checkWritable(data));
      }
    };
  }

  @Override
  public Deserializer<T> deserializer() {
    return new Deserializer<>() {
      @Override
      public T deserialize(String topic, byte[] data) {
        return checkRead(delegateDeserializer.deserialize(topic, data));
      }

      @Override
      public T deserialize(String topic, Headers headers, byte[] data) {
        return checkRead(delegateDeserializer.deserialize(topic, headers, data));
      }

      @Override
      public T deserialize(String topic, Headers headers, ByteBuffer data) {
        return checkRead(delegateDeserializer.deserialize(topic, headers, data));
      }
    };
  }

  /** Forwards to the registry serde. */
  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    delegate.configure(configs, isKey);
  }

  /** Closes the registry serde. */
  @Override
  public void close() {
    delegate.close();
  }

  private T checkWritable(T data) {
    if (data != null && !isExpected(data)) {
      throw new SerializationException("cannot serialize a " + data.getClass().getName()
          + ": this serde writes " + names());
    }
    return data;
  }

  private T checkRead(Object value) {
    if (value == null) {
      return null;
    }
    if (isExpected(value)) {
      @SuppressWarnings("unchecked")
      T expected = (T) value;
      return expected;
    }
    String hint = value instanceof GenericRecord && !(value instanceof SpecificRecord)
        ? " (the registry serde returned a generic record: configure it to return generated classes)"
        : "";
    throw new EventDecodingException(Reason.WRONG_TYPE,
        "payload is a " + value.getClass().getName() + ", expected " + names() + hint);
  }

  private boolean isExpected(Object value) {
    return types.stream().anyMatch(type -> type.isInstance(value));
  }

  private String names() {
    return String.join(" or ", types.stream().map(Class::getName).toList());
  }
}
