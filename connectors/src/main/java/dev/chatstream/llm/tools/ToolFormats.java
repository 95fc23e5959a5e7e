package dev.chatstream.llm.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chatstream.llm.tools.internal.GeminiSchema;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The {@code tools} array of each provider API, built from a {@link ToolSet} in its order.
 *
 * <p>A {@link FunctionTool}'s schema is adapted to the API (strict mode for Chat Completions,
 * Gemini's subset for Google); a {@link RawFunctionTool}'s schema is sent as given, except for Google,
 * whose subset it must also fit.
 */
public final class ToolFormats {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private ToolFormats() {}

  /**
   * Chat Completions tools in strict mode: {@code {"type": "function", "function": {"name",
   * "strict": true, "description", "parameters"}}} with the parameters converted by
   * {@link StrictSchema}; a raw tool is {@code {"type": "function", "function": rawSchema}}.
   *
   * @throws IllegalArgumentException when a schema cannot be converted (see {@link StrictSchema})
   */
  public static ArrayNode openAiChat(ToolSet tools) {
    return openAiChat(tools, true);
  }

  /**
   * Chat Completions tools; with {@code strict} false, the function has no {@code strict} key and its
   * parameters are sent as given (with {@code "required": []} added when absent), for servers that do
   * not support strict mode.
   */
  public static ArrayNode openAiChat(ToolSet tools, boolean strict) {
    ArrayNode out = JSON.arrayNode();
    for (ToolDefinition tool : tools.tools()) {
      ObjectNode entry = out.addObject().put("type", "function");
      switch (tool) {
        case FunctionTool function -> {
          ObjectNode body = entry.putObject("function").put("name", function.name());
          if (strict) {
            body.put("strict", true);
          }
          body.put("description", function.description());
          ObjectNode parameters = strict
              ? convert(function, () -> StrictSchema.toStrict(function.parameters()))
              : function.parameters();
          body.set("parameters", withRequired(parameters));
        }
        case RawFunctionTool raw -> entry.set("function", raw.rawSchema());
      }
    }
    return out;
  }

  /**
   * Responses API tools: {@code {"type": "function", "name", "description", "parameters"}} with the
   * parameters as given ({@code "required": []} added when absent) and no {@code strict} key; a raw
   * tool is its schema with {@code "type": "function"}.
   */
  public static ArrayNode openAiResponses(ToolSet tools) {
    ArrayNode out = JSON.arrayNode();
    for (ToolDefinition tool : tools.tools()) {
      ObjectNode entry = out.addObject().put("type", "function");
      switch (tool) {
        case FunctionTool function -> entry
            .put("name", function.name())
            .put("description", function.description())
            .set("parameters", withRequired(function.parameters()));
        case RawFunctionTool raw -> {
          for (Map.Entry<String, JsonNode> field : raw.rawSchema().properties()) {
            if (!field.getKey().equals("type")) {
              entry.set(field.getKey(), field.getValue());
            }
          }
        }
      }
    }
    return out;
  }

  /** Anthropic Messages tools: {@code {"name", "description", "input_schema"}}. */
  public static ArrayNode anthropic(ToolSet tools) {
    ArrayNode out = JSON.arrayNode();
    for (ToolDefinition tool : tools.tools()) {
      out.addObject()
          .put("name", tool.name())
          .put("description", tool.description())
          .set("input_schema", tool.parameters());
    }
    return out;
  }

  /**
   * Bedrock Converse tools: {@code {"toolSpec": {"name", "description", "inputSchema": {"json"}}}};
   * an empty description is left out (Bedrock rejects it).
   */
  public static ArrayNode aws(ToolSet tools) {
    ArrayNode out = JSON.arrayNode();
    for (ToolDefinition tool : tools.tools()) {
      ObjectNode spec = out.addObject().putObject("toolSpec").put("name", tool.name());
      if (!tool.description().isEmpty()) {
        spec.put("description", tool.description());
      }
      spec.putObject("inputSchema").set("json", tool.parameters());
    }
    return out;
  }

  /**
   * Gemini tools: one {@code {"function_declarations": [{"name", "description", "parameters"}]}}
   * entry, or an empty array when there are no tools. The parameters are converted to Gemini's schema
   * subset and left out for a function without arguments.
   *
   * @throws IllegalArgumentException when a schema cannot be expressed in Gemini's subset
   */
  public static ArrayNode google(ToolSet tools) {
    ArrayNode out = JSON.arrayNode();
    if (tools.isEmpty()) {
      return out;
    }
    ArrayNode declarations = out.addObject().putArray("function_declarations");
    for (ToolDefinition tool : tools.tools()) {
      ObjectNode declaration = declarations.addObject()
          .put("name", tool.name())
          .put("description", tool.description());
      convert(tool, () -> GeminiSchema.parameters(tool.parameters()))
          .ifPresent(schema -> declaration.set("parameters", schema));
    }
    return out;
  }

  /** Runs a schema conversion, naming the tool in its error. */
  private static <T> T convert(ToolDefinition tool, Supplier<T> conversion) {
    try {
      return conversion.get();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("schema of tool '" + tool.name() + "': " + e.getMessage(), e);
    }
  }

  private static ObjectNode withRequired(ObjectNode parameters) {
    if (!parameters.has("required")) {
      parameters.putArray("required");
    }
    return parameters;
  }
}
