package dev.chatstream.llm.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;

/**
 * A tool described by name, description and a JSON Schema for its arguments.
 *
 * @param name the function's name
 * @param description what the tool does ({@code ""} when none)
 * @param parameters the JSON Schema of the arguments; an empty object schema when null
 */
public record FunctionTool(String name, String description, ObjectNode parameters) implements ToolDefinition {
  private static final List<String> JSON_KEYS = List.of("name", "description", "parameters");

  /**
   * Validates and copies.
   *
   * @throws NullPointerException when name is null
   * @throws IllegalArgumentException when name is empty
   */
  public FunctionTool {
    Objects.requireNonNull(name, "tool name must not be null");
    if (name.isBlank()) {
      throw new IllegalArgumentException("tool name must not be empty");
    }
    description = description == null ? "" : description;
    parameters = parameters == null ? emptyObjectSchema() : parameters.deepCopy();
  }

  /**
   * A tool from its JSON definition: {@code {"name", "description", "parameters"}}, where
   * {@code description} may be absent and {@code parameters}, when present, is an object schema.
   *
   * @throws IllegalArgumentException when {@code json} is not an object, has no non-empty string
   *     {@code name}, has a non-string {@code description}, has {@code parameters} that are not an
   *     object schema ({@code "type": "object"}), or has any other key
   */
  public static FunctionTool fromJson(JsonNode json) {
    ObjectNode definition = ToolJson.requireObject(json, "tool definition");
    String name = ToolJson.requireName(definition, "tool definition");
    ToolJson.requireOnlyKeys(definition, JSON_KEYS, "tool definition '" + name + "'");
    return new FunctionTool(
        name, ToolJson.description(definition, name), ToolJson.parameters(definition, name));
  }

  @Override
  public ObjectNode parameters() {
    return parameters.deepCopy();
  }

  private static ObjectNode emptyObjectSchema() {
    ObjectNode schema = JsonNodeFactory.instance.objectNode();
    schema.put("type", "object");
    schema.putObject("properties");
    return schema;
  }
}
