package dev.chatstream.llm.tools;

import static dev.chatstream.llm.tools.TestJson.json;
import static dev.chatstream.llm.tools.TestJson.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ToolDefinitionJsonTest {

  private static String functionToolError(String definition) {
    return assertThrows(IllegalArgumentException.class, () -> FunctionTool.fromJson(json(definition))).getMessage();
  }

  private static String rawToolError(String definition) {
    return assertThrows(IllegalArgumentException.class, () -> RawFunctionTool.fromJson(json(definition))).getMessage();
  }

  @Test
  void functionToolReadsNameDescriptionAndParameters() {
    FunctionTool tool = FunctionTool.fromJson(json(
        """
        {"name": "get_weather", "description": "Current weather",
         "parameters": {"type": "object", "properties": {"city": {"type": "string"}}}}"""));
    assertEquals("get_weather", tool.name());
    assertEquals("Current weather", tool.description());
    assertEquals(object(
        """
        {"type": "object", "properties": {"city": {"type": "string"}}}"""), tool.parameters());
  }

  @Test
  void functionToolWithoutDescriptionOrParametersTakesNoArguments() {
    FunctionTool tool = FunctionTool.fromJson(json(
        """
        {"name": "ping", "description": null}"""));
    assertEquals("", tool.description());
    assertEquals(object(
        """
        {"type": "object", "properties": {}}"""), tool.parameters());
  }

  @Test
  void functionToolWithoutNameIsRejected() {
    assertEquals("tool definition has no 'name'", functionToolError(
        """
        {"description": "x", "parameters": {"type": "object"}}"""));
  }

  @Test
  void functionToolWithBlankOrNonStringNameIsRejected() {
    assertEquals("tool definition must have a non-empty string 'name', was \" \"", functionToolError(
        """
        {"name": " "}"""));
    assertEquals("tool definition must have a non-empty string 'name', was 42", functionToolError(
        """
        {"name": 42}"""));
  }

  @Test
  void functionToolWithParametersThatAreNotAnObjectSchemaIsRejected() {
    assertEquals("parameters of tool 'f' must be an object schema ({\"type\": \"object\", ...}), was a schema of type \"string\"",
        functionToolError(
            """
            {"name": "f", "parameters": {"type": "string"}}"""));
    assertEquals("parameters of tool 'f' must be an object schema ({\"type\": \"object\", ...}), was an array",
        functionToolError(
            """
            {"name": "f", "parameters": [{"type": "object"}]}"""));
    assertEquals("parameters of tool 'f' must be an object schema ({\"type\": \"object\", ...}), was an object without 'type'",
        functionToolError(
            """
            {"name": "f", "parameters": {"properties": {}}}"""));
  }

  @Test
  void functionToolWithNonStringDescriptionIsRejected() {
    assertEquals("description of tool 'f' must be a string, was ARRAY", functionToolError(
        """
        {"name": "f", "description": ["a"]}"""));
  }

  @Test
  void functionToolWithUnknownKeyIsRejected() {
    assertEquals("unexpected key 'strict' in tool definition 'f' (allowed: name, description, parameters)",
        functionToolError(
            """
            {"name": "f", "strict": true}"""));
  }

  @Test
  void functionToolFromSomethingOtherThanAnObjectIsRejected() {
    assertEquals("tool definition must be a JSON object, was ARRAY", functionToolError("[]"));
    assertEquals("tool definition must not be null", functionToolError("null"));
  }

  @Test
  void rawToolKeepsItsSchemaWhole() {
    RawFunctionTool tool = RawFunctionTool.fromJson(json(
        """
        {"name": "open_gate", "description": "Opens it", "strict": false,
         "parameters": {"type": "object", "properties": {"gate": {"type": "integer"}}}}"""));
    assertEquals("open_gate", tool.name());
    assertEquals("Opens it", tool.description());
    assertEquals(object(
        """
        {"name": "open_gate", "description": "Opens it", "strict": false,
         "parameters": {"type": "object", "properties": {"gate": {"type": "integer"}}}}"""), tool.rawSchema());
  }

  @Test
  void rawToolWithoutParametersIsRejected() {
    assertEquals("raw tool schema 'open_gate' has no 'parameters'", rawToolError(
        """
        {"name": "open_gate"}"""));
  }

  @Test
  void rawToolWithoutNameIsRejected() {
    assertEquals("raw tool schema has no 'name'", rawToolError(
        """
        {"parameters": {"type": "object"}}"""));
  }

  @Test
  void rawToolWithParametersThatAreNotAnObjectSchemaIsRejected() {
    assertEquals("parameters of tool 'g' must be an object schema ({\"type\": \"object\", ...}), was a string",
        rawToolError(
            """
            {"name": "g", "parameters": "none"}"""));
  }
}
