package dev.chatstream.pipeline.internals.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chatstream.llm.internal.json.Json;
import dev.chatstream.schemas.EventTypes;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericEnumSymbol;
import org.apache.avro.generic.IndexedRecord;

/**
 * Any chatstream event as JSON: records become objects with their snake_case field names, unions
 * their value, enums their symbol, bytes base64, times ISO-8601. The JSON-encoded values of
 * {@code extra} and {@code options} maps are decoded, so they read as the JSON they hold. Doubles are
 * written in plain notation ({@code 1700000000.25}, not {@code 1.70000000025E9}).
 */
public final class OutputEventJson {
  static {
    EventTypes.trustGeneratedClasses();
  }

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final ObjectMapper JSON = Json.mapper();
  private static final Set<String> JSON_VALUED_MAPS = Set.of("extra", "options");

  private OutputEventJson() {}

  /** The JSON form of {@code record}, with {@code type} set to its schema's name. */
  public static ObjectNode toJson(IndexedRecord record) {
    ObjectNode json = NODES.objectNode();
    json.put("type", record.getSchema().getName());
    json.setAll(object(record));
    return json;
  }

  private static ObjectNode object(IndexedRecord record) {
    ObjectNode json = NODES.objectNode();
    for (Schema.Field field : record.getSchema().getFields()) {
      Object value = record.get(field.pos());
      json.set(field.name(), JSON_VALUED_MAPS.contains(field.name()) && value instanceof Map<?, ?> map
          ? jsonValuedMap(map)
          : node(value));
    }
    return json;
  }

  private static JsonNode node(Object value) {
    return switch (value) {
      case null -> NODES.nullNode();
      case IndexedRecord record -> object(record);
      case CharSequence text -> NODES.textNode(text.toString());
      case Boolean flag -> NODES.booleanNode(flag);
      case Integer number -> NODES.numberNode(number);
      case Long number -> NODES.numberNode(number);
      case Float number -> NODES.numberNode(number);
      case Double number -> Double.isFinite(number)
          ? NODES.numberNode(BigDecimal.valueOf(number))
          : NODES.textNode(number.toString());
      case GenericEnumSymbol<?> symbol -> NODES.textNode(symbol.toString());
      case Enum<?> symbol -> NODES.textNode(symbol.name());
      case Instant time -> NODES.textNode(time.toString());
      case ByteBuffer bytes -> NODES.textNode(Base64.getEncoder().encodeToString(copy(bytes)));
      case byte[] bytes -> NODES.textNode(Base64.getEncoder().encodeToString(bytes));
      case Map<?, ?> map -> {
        ObjectNode object = NODES.objectNode();
        map.forEach((key, entry) -> object.set(key.toString(), node(entry)));
        yield object;
      }
      case Collection<?> list -> {
        ArrayNode array = NODES.arrayNode();
        list.forEach(entry -> array.add(node(entry)));
        yield array;
      }
      default -> NODES.textNode(value.toString());
    };
  }

  private static ObjectNode jsonValuedMap(Map<?, ?> map) {
    ObjectNode object = NODES.objectNode();
    map.forEach((key, value) -> {
      try {
        object.set(key.toString(), value == null ? NODES.nullNode() : JSON.readTree(value.toString()));
      } catch (JsonProcessingException e) {
        object.put(key.toString(), value.toString());
      }
    });
    return object;
  }

  private static byte[] copy(ByteBuffer buffer) {
    ByteBuffer duplicate = buffer.duplicate();
    byte[] bytes = new byte[duplicate.remaining()];
    duplicate.get(bytes);
    return bytes;
  }
}
