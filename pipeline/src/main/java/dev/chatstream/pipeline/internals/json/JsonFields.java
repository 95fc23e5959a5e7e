package dev.chatstream.pipeline.internals.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** Strict readers of JSON object fields with messages that name the field. */
final class JsonFields {
  private JsonFields() {}

  static void allowOnly(ObjectNode object, Set<String> allowed) {
    object.fieldNames().forEachRemaining(name -> {
      if (!allowed.contains(name)) {
        throw new IllegalArgumentException("unknown field '" + name + "'");
      }
    });
  }

  static String requiredText(ObjectNode object, String name) {
    String value = optionalText(object, name);
    if (value == null || value.isEmpty()) {
      throw new IllegalArgumentException("'" + name + "' is required");
    }
    return value;
  }

  static String optionalText(ObjectNode object, String name) {
    JsonNode value = object.get(name);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      throw new IllegalArgumentException("'" + name + "' must be a string");
    }
    return value.asText();
  }

  static Integer optionalInt(ObjectNode object, String name) {
    JsonNode value = object.get(name);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.canConvertToInt() || !value.isIntegralNumber()) {
      throw new IllegalArgumentException("'" + name + "' must be an integer");
    }
    return value.asInt();
  }

  static int requiredInt(ObjectNode object, String name) {
    Integer value = optionalInt(object, name);
    if (value == null) {
      throw new IllegalArgumentException("'" + name + "' is required");
    }
    return value;
  }

  static double requiredNumber(ObjectNode object, String name) {
    JsonNode value = object.get(name);
    if (value == null || !value.isNumber()) {
      throw new IllegalArgumentException("'" + name + "' must be a number");
    }
    return value.asDouble();
  }

  static Boolean optionalBoolean(ObjectNode object, String name) {
    JsonNode value = object.get(name);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isBoolean()) {
      throw new IllegalArgumentException("'" + name + "' must be true or false");
    }
    return value.asBoolean();
  }

  /** An object field as a string map: every value as JSON text. */
  static Map<String, String> jsonValues(ObjectNode object, String name) {
    return stringMap(object, name, JsonNode::toString);
  }

  /** An object field as a string map: strings as they are, other values as JSON text. */
  static Map<String, String> textValues(ObjectNode object, String name) {
    return stringMap(object, name, value -> value.isTextual() ? value.asText() : value.toString());
  }

  private static Map<String, String> stringMap(ObjectNode object, String name, Function<JsonNode, String> text) {
    Map<String, String> values = new LinkedHashMap<>();
    JsonNode map = object.get(name);
    if (map == null || map.isNull()) {
      return values;
    }
    if (!map.isObject()) {
      throw new IllegalArgumentException("'" + name + "' must be an object");
    }
    map.fields().forEachRemaining(entry -> values.put(entry.getKey(), text.apply(entry.getValue())));
    return values;
  }
}
