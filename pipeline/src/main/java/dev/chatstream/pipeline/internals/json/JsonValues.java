package dev.chatstream.pipeline.internals.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chatstream.llm.internal.json.Json;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The events' free-form maps ({@code extra}, {@code options}) hold JSON-encoded values, so any JSON
 * value survives Avro. This converts them to and from plain Java values.
 */
public final class JsonValues {
  private static final ObjectMapper JSON = Json.mapper();

  private JsonValues() {}

  /** Decodes each value; a value that is not valid JSON is kept as the string it is. */
  public static Map<String, Object> decode(Map<String, String> encoded) {
    if (encoded == null || encoded.isEmpty()) {
      return Map.of();
    }
    Map<String, Object> values = new LinkedHashMap<>();
    encoded.forEach((key, value) -> values.put(key, decodeValue(value)));
    return Collections.unmodifiableMap(values);
  }

  /** Encodes each value as JSON. */
  public static Map<String, String> encode(Map<String, Object> values) {
    if (values == null || values.isEmpty()) {
      return new LinkedHashMap<>();
    }
    Map<String, String> encoded = new LinkedHashMap<>();
    values.forEach((key, value) -> encoded.put(key, encodeValue(value)));
    return encoded;
  }

  private static Object decodeValue(String value) {
    if (value == null) {
      return null;
    }
    try {
      return JSON.readValue(value, Object.class);
    } catch (JsonProcessingException e) {
      return value;
    }
  }

  private static String encodeValue(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("value of type " + value.getClass().getName() + " is not JSON-serializable", e);
    }
  }
}
