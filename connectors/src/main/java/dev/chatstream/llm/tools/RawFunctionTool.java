package dev.chatstream.llm.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * A tool whose schema is given whole: {@code {"name", "description", "parameters"}}, passed to
 * providers as written (no strict-mode conversion).
 *
 * @param rawSchema the schema; must hold a non-empty string {@code name}
 */
public record RawFunctionTool(ObjectNode rawSchema) implements ToolDefinition {

  /**
   * Validates and copies.
   *
   * @throws IllegalArgumentException when the schema has no non-empty string {@code name}
   */
  public RawFunctionTool {
    Objects.requireNonNull(rawSchema, "raw tool schema must not be null");
    JsonNode name = rawSchema.get("name");
    if (name == null || !name.isTextual() || name.asText().isBlank()) {
      throw new IllegalArgumentException("raw tool schema must have a non-empty string 'name'");
    }
    rawSchema = rawSchema.deepCopy();
  }

  /**
   * A raw tool from its schema, checked more closely than the constructor does: it must hold a
   * non-empty string {@code name} and an object schema {@code parameters}, and a {@code description}
   * that, when present, is a string. Other keys are kept and sent as given.
   *
   * @throws IllegalArgumentException when one of those checks fails
   */
  public static RawFunctionTool fromJson(JsonNode json) {
    ObjectNode schema = ToolJson.requireObject(json, "raw tool schema");
    String name = ToolJson.requireName(schema, "raw tool schema");
    ToolJson.description(schema, name);
    if (ToolJson.parameters(schema, name) == null) {
      throw new IllegalArgumentException("raw tool schema '" + name + "' has no 'parameters'");
    }
    return new RawFunctionTool(schema);
  }

  @Override
  public ObjectNode rawSchema() {
    return rawSchema.deepCopy();
  }

  @Override
  public String name() {
    return rawSchema.get("name").asText();
  }

  @Override
  public String description() {
    JsonNode description = rawSchema.get("description");
    return description == null || description.isNull() ? "" : description.asText();
  }

  @Override
  public ObjectNode parameters() {
    JsonNode parameters = rawSchema.get("parameters");
    if (parameters instanceof ObjectNode object) {
      return object.deepCopy();
    }
    ObjectNode empty = JsonNodeFactory.instance.objectNode();
    empty.put("type", "object");
    empty.putObject("properties");
    return empty;
  }
}
