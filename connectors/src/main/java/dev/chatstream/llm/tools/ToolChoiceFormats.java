package dev.chatstream.llm.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * The {@code tool_choice} value of each provider API.
 *
 * <p>These map one choice; whether it is sent at all (not without tools, and for Anthropic and Bedrock
 * {@code none} means sending no tools) is decided by {@link ToolOptions}.
 */
public final class ToolChoiceFormats {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private ToolChoiceFormats() {}

  /**
   * Chat Completions: {@code "auto"}, {@code "required"}, {@code "none"}, or
   * {@code {"type": "function", "function": {"name"}}}.
   */
  public static JsonNode openAiChat(ToolChoice choice) {
    return switch (Objects.requireNonNull(choice, "tool_choice must not be null")) {
      case ToolChoice.Mode mode -> JSON.textNode(mode.value());
      case ToolChoice.Function function -> {
        ObjectNode named = JSON.objectNode().put("type", "function");
        named.putObject("function").put("name", function.name());
        yield named;
      }
    };
  }

  /** Responses API: {@code "auto"}, {@code "required"}, {@code "none"}, or {@code {"type": "function", "name"}}. */
  public static JsonNode openAiResponses(ToolChoice choice) {
    return switch (Objects.requireNonNull(choice, "tool_choice must not be null")) {
      case ToolChoice.Mode mode -> JSON.textNode(mode.value());
      case ToolChoice.Function function -> JSON.objectNode().put("type", "function").put("name", function.name());
    };
  }

  /**
   * Anthropic Messages: {@code auto} → {@code {"type": "auto"}}, {@code required} →
   * {@code {"type": "any"}}, a function → {@code {"type": "tool", "name"}}; a null choice is
   * {@code auto}. With {@code parallelToolCalls} given, {@code "disable_parallel_tool_use"} is its
   * negation.
   *
   * @throws IllegalArgumentException for {@code none}, which Anthropic expresses by sending no tools
   */
  public static ObjectNode anthropic(ToolChoice choice, Boolean parallelToolCalls) {
    ObjectNode out = JSON.objectNode();
    switch (choice == null ? ToolChoice.AUTO : choice) {
      case ToolChoice.Function function -> out.put("type", "tool").put("name", function.name());
      case ToolChoice.Mode mode -> out.put("type", switch (mode.value()) {
        case "auto" -> "auto";
        case "required" -> "any";
        default -> throw new IllegalArgumentException("tool_choice none is sent to Anthropic as no tools");
      });
    }
    if (parallelToolCalls != null) {
      out.put("disable_parallel_tool_use", !parallelToolCalls);
    }
    return out;
  }

  /**
   * Bedrock Converse {@code toolChoice}: {@code {"auto": {}}}, {@code {"any": {}}} for
   * {@code required}, or {@code {"tool": {"name"}}}.
   *
   * @throws IllegalArgumentException for {@code none}, which Bedrock expresses by sending no tools
   */
  public static ObjectNode aws(ToolChoice choice) {
    ObjectNode out = JSON.objectNode();
    switch (Objects.requireNonNull(choice, "tool_choice must not be null")) {
      case ToolChoice.Function function -> out.putObject("tool").put("name", function.name());
      case ToolChoice.Mode mode -> out.putObject(switch (mode.value()) {
        case "auto" -> "auto";
        case "required" -> "any";
        default -> throw new IllegalArgumentException("tool_choice none is sent to Bedrock as no tools");
      });
    }
    return out;
  }

  /**
   * Gemini {@code tool_config}: {@code {"function_calling_config": {"mode"}}} with {@code AUTO},
   * {@code ANY} for {@code required} or {@code NONE}; a function is {@code ANY} with
   * {@code "allowed_function_names": [name]}.
   */
  public static ObjectNode google(ToolChoice choice) {
    ObjectNode out = JSON.objectNode();
    ObjectNode config = out.putObject("function_calling_config");
    switch (Objects.requireNonNull(choice, "tool_choice must not be null")) {
      case ToolChoice.Function function -> {
        config.put("mode", "ANY");
        config.putArray("allowed_function_names").add(function.name());
      }
      case ToolChoice.Mode mode -> config.put("mode", switch (mode.value()) {
        case "auto" -> "AUTO";
        case "required" -> "ANY";
        default -> "NONE";
      });
    }
    return out;
  }
}
