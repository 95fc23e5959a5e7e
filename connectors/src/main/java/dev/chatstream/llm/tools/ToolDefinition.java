package dev.chatstream.llm.tools;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A tool the model may call: a {@link FunctionTool} described by name, description and JSON Schema
 * parameters, or a {@link RawFunctionTool} whose provider schema is given whole.
 */
public sealed interface ToolDefinition permits FunctionTool, RawFunctionTool {

  /** The function's name, unique within a request. */
  String name();

  /** What the tool does, or an empty string. */
  String description();

  /** The JSON Schema of the arguments (an object schema). */
  ObjectNode parameters();
}
