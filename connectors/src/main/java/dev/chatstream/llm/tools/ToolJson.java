package dev.chatstream.llm.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;

/** Reads and checks the fields of a tool definition given as JSON. */
final class ToolJson {
  private ToolJson() {}

  static ObjectNode requireObject(JsonNode json, String what) {
    if (json == null || json.isNull()) {
      throw new IllegalArgumentException(what + " must not be null");
    }
    if (!(json instanceof ObjectNode object)) {
      throw new IllegalArgumentException(what + " must be a JSON object, was " + json.getNodeType());
    }
    return object;
  }

  static void requireOnlyKeys(ObjectNode json, List<String> allowed, String what) {
    json.fieldNames().forEachRemaining(key -> {
      if (!allowed.contains(key)) {
        throw new IllegalArgumentException(
            "unexpected key '" + key + "' in " + what + " (allowed: " + String.join(", ", allowed) + ")");
      }
    });
  }

  static String requireName(ObjectNode json, String what) {
    JsonNode name = json.get("name");
    if (name == null || name.isNull()) {
      throw new IllegalArgumentException(what + " has no 'name'");
    }
    if (!name.isTextual() || name.asText().isBlank()) {
      throw new IllegalArgumentException(what + " must have a non-empty string 'name', was " + name);
    }
    return name.asText();
  }

  static String description(ObjectNode json, String toolName) {
    JsonNode description = json.get("description");
    if (description == null || description.isNull()) {
      return "";
    }
    if (!description.isTextual()) {
      throw new IllegalArgumentException(
          "description of tool '" + toolName + "' must be a string, was " + description.getNodeType());
    }
    return description.asText();
  }

  /** The parameters as an object schema ({@code "type": "object"}), or null when absent. */
  static ObjectNode parameters(ObjectNode json, String toolName) {
    JsonNode parameters = json.get("parameters");
    if (parameters == null || parameters.isNull()) {
      return null;
    }
    if (!(parameters instanceof ObjectNode schema) || !"object".equals(schema.path("type").asText(null))) {
      throw new IllegalArgumentException("parameters of tool '" + toolName
          + "' must be an object schema ({\"type\": \"object\", ...}), was " + describe(parameters));
    }
    return schema;
  }

  private static String describe(JsonNode node) {
    if (node instanceof ObjectNode object) {
      JsonNode type = object.get("type");
      return type == null ? "an object without 'type'" : "a schema of type " + type;
    }
    return kindOf(node);
  }

  /** {@code an array}, {@code a string}, ...: what kind of JSON value {@code node} is. */
  static String kindOf(JsonNode node) {
    return switch (node.getNodeType()) {
      case ARRAY -> "an array";
      case OBJECT -> "an object";
      case STRING -> "a string";
      case NUMBER -> "a number";
      case BOOLEAN -> "a boolean";
      case NULL -> "null";
      default -> node.getNodeType().toString().toLowerCase(Locale.ROOT);
    };
  }
}
