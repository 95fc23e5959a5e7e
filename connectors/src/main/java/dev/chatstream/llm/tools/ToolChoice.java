package dev.chatstream.llm.tools;

import java.util.Objects;

/**
 * Whether and which tool the model must call: {@code auto}, {@code required}, {@code none}, or one
 * named function.
 */
public sealed interface ToolChoice {

  /** The model decides. */
  ToolChoice AUTO = new Mode("auto");
  /** The model must call some tool. */
  ToolChoice REQUIRED = new Mode("required");
  /** The model must not call a tool. */
  ToolChoice NONE = new Mode("none");

  /** The model must call the function {@code name}. */
  static ToolChoice function(String name) {
    return new Function(name);
  }

  /**
   * Parses {@code auto}, {@code required} or {@code none}; any other non-empty string names a function.
   *
   * @throws IllegalArgumentException when {@code value} is empty
   */
  static ToolChoice parse(String value) {
    Objects.requireNonNull(value, "tool_choice must not be null");
    return switch (value) {
      case "auto" -> AUTO;
      case "required" -> REQUIRED;
      case "none" -> NONE;
      default -> function(value);
    };
  }

  /** One of the three modes: {@code auto}, {@code required} or {@code none}. */
  record Mode(String value) implements ToolChoice {
    /** @throws IllegalArgumentException when the value is not one of the three modes */
    public Mode {
      Objects.requireNonNull(value, "tool_choice mode must not be null");
      if (!value.equals("auto") && !value.equals("required") && !value.equals("none")) {
        throw new IllegalArgumentException("tool_choice mode must be auto, required or none, was '" + value + "'");
      }
    }
  }

  /** One named function. */
  record Function(String name) implements ToolChoice {
    /** @throws IllegalArgumentException when the name is empty */
    public Function {
      Objects.requireNonNull(name, "tool_choice function name must not be null");
      if (name.isBlank()) {
        throw new IllegalArgumentException("tool_choice function name must not be empty");
      }
    }
  }
}
