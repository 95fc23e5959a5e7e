package dev.chatstream.schemas;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A registry-backed serde in miniature, for tests: schemas are registered in a shared in-memory list
 * and a payload is a 4-byte schema id and the Avro binary body, the id also sent as a header. Like real
 * registry serdes it is generic over its values and returns generic records unless
 * {@code inmemory.registry.specific=true}.
 */
public final class InMemoryRegistrySerde implements Serde<Object> {

  static final String SPECIFIC_CONFIG = "inmemory.registry.specific";
  static final String SCHEMA_ID_HEADER = "inmemory.schema.id";
  private static final List<Schema> REGISTRY = new CopyOnWriteArrayList<>();

  static volatile Map<String, ?> lastConfigs;
  static volatile Boolean lastIsKey;

  private boolean specific;

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    lastConfigs = Map.copyOf(configs);
    lastIsKey = isKey;
    specific = Boolean.parseBoolean(String.valueOf(configs.get(SPECIFIC_CONFIG)));
  }

  @Override
  public Serializer<Object> serializer() {
    return new Serializer<>() {
      @Override
      public byte[] serialize(String topic, Object data) {
        return data == null ? null : encode((SpecificRecord) data);
      }

      @Override
      public byte[] serialize(String topic, Headers headers, Object data) {
        byte[] bytes = serialize(topic, data);
        if (bytes != null) {
          headers.add(SCHEMA_ID_HEADER, ByteBuffer.allocate(4).putInt(0, ByteBuffer.wrap(bytes).getInt()).array());
        }
        return bytes;
      }
    };
  }

  @Override
  public Deserializer<Object> deserializer() {
    return (topic, data) -> data == null ? null : decode(data);
  }

  private static synchronized int register(Schema schema) {
    int id = REGISTRY.indexOf(schema);
    if (id < 0) {
      REGISTRY.add(schema);
      id = REGISTRY.size() - 1;
    }
    return id;
  }

  private static byte[] encode(SpecificRecord record) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(ByteBuffer.allocate(4).putInt(register(record.getSchema())).array());
    try {
      BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
      new SpecificDatumWriter<SpecificRecord>(record.getSchema()).write(record, encoder);
      encoder.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private Object decode(byte[] data) {
    Schema schema = REGISTRY.get(ByteBuffer.wrap(data).getInt());
    DatumReader<Object> reader = specific
        ? new SpecificDatumReader<>(schema)
        : new GenericDatumReader<>(schema, schema, GenericData.get());
    try {
      return reader.read(null, DecoderFactory.get().binaryDecoder(data, 4, data.length - 4, null));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
