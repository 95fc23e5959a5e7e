package dev.chatstream.schemas;

import dev.chatstream.schemas.internal.ResourceSchemaHistory;
import dev.chatstream.schemas.internal.SingleObjectDeserializer;
import dev.chatstream.schemas.internal.SingleObjectSerializer;
import dev.chatstream.schemas.internal.TypeCheckedSerde;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Utils;

/**
 * Value serdes of the generated event classes.
 *
 * <p>Single-object serdes write each value as Avro single-object encoding with the writer's schema
 * fingerprint in its header, and read payloads written with the current schema or any released version
 * of it. Their deserializers return null for a null value (a tombstone) and throw
 * {@link EventDecodingException} for anything they cannot decode. They are thread-safe and need no
 * {@code configure} call.
 *
 * <p>A serde for several types serves a topic that carries more than one event (the metrics topic carries
 * {@code LLMMetrics} and {@code AvailabilityChanged}); it decodes each payload as the type its
 * fingerprint names.
 */
public final class EventSerdes {

  private EventSerdes() {}

  /** The single-object serde of {@code type}. */
  public static <T extends SpecificRecord> Serde<T> singleObject(Class<T> type) {
    return singleObjectOf(List.of(type));
  }

  /**
   * The single-object serde of a topic carrying any of {@code types}.
   *
   * @throws IllegalArgumentException when {@code types} is empty
   */
  public static Serde<SpecificRecord> singleObject(Collection<? extends Class<? extends SpecificRecord>> types) {
    return singleObjectOf(types);
  }

  /**
   * The value serde of {@code type} chosen by {@link EventSerdeConfig}: single-object encoding, or the
   * configured registry serde, configured with all of {@code configs} and checked to return {@code type}.
   *
   * @throws org.apache.kafka.common.config.ConfigException when the configuration is invalid
   */
  public static <T extends SpecificRecord> Serde<T> fromConfig(Class<T> type, Map<String, ?> configs) {
    return fromConfigOf(List.of(type), configs);
  }

  /**
   * The value serde of a topic carrying any of {@code types}, chosen by {@link EventSerdeConfig}.
   *
   * @throws org.apache.kafka.common.config.ConfigException when the configuration is invalid
   * @throws IllegalArgumentException when {@code types} is empty
   */
  public static Serde<SpecificRecord> fromConfig(
      Collection<? extends Class<? extends SpecificRecord>> types, Map<String, ?> configs) {
    return fromConfigOf(types, configs);
  }

  private static <T extends SpecificRecord> Serde<T> singleObjectOf(Collection<? extends Class<? extends T>> types) {
    return Serdes.serdeFrom(
        new SingleObjectSerializer<>(types),
        new SingleObjectDeserializer<>(types, ResourceSchemaHistory.bundled()));
  }

  private static <T extends SpecificRecord> Serde<T> fromConfigOf(
      Collection<? extends Class<? extends T>> types, Map<String, ?> configs) {
    EventSerdeConfig config = new EventSerdeConfig(configs);
    if (!config.usesRegistry()) {
      return singleObjectOf(types);
    }
    Serde<?> registrySerde = Utils.newInstance(config.registrySerdeClass(), Serde.class);
    registrySerde.configure(configs, false);
    return new TypeCheckedSerde<>(registrySerde, types);
  }
}
