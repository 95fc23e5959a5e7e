package dev.chatstream.llm.tools;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * A tool described by name, description and a JSON Schema for its arguments.
 *
 * @param name the function's name
 * @param description what the tool does ({@code ""} when none)
 * @param parameters the JSON Schema of the arguments; an empty object schema when null
 */
public record FunctionTool(String name, String description, ObjectNode parameters) implements ToolDefinition {

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
