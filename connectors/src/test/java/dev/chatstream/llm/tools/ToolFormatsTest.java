package dev.chatstream.llm.tools;

import static dev.chatstream.llm.tools.TestJson.json;
import static dev.chatstream.llm.tools.TestJson.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ToolFormatsTest {
  private static final FunctionTool WEATHER = new FunctionTool("get_weather", "Current weather", object(
      """
      {"type": "object", "title": "Args",
       "properties": {"city": {"type": "string"}, "unit": {"type": "string", "default": "c"}},
       "required": ["city"]}"""));
  private static final FunctionTool PING = new FunctionTool("ping", "", null);
  private static final RawFunctionTool GATE = new RawFunctionTool(object(
      """
      {"name": "open_gate", "description": "Opens a gate",
       "parameters": {"type": "object", "properties": {"gate": {"type": "integer"}}}}"""));

  @Test
  void openAiChatFunctionToolIsStrict() {
    assertEquals(json(
        """
        [{"type": "function", "function": {"name": "get_weather", "strict": true, "description": "Current weather",
          "parameters": {"type": "object", "additionalProperties": false,
            "properties": {"city": {"type": "string"}, "unit": {"type": ["string", "null"]}},
            "required": ["city", "unit"]}}}]"""),
        ToolFormats.openAiChat(ToolSet.of(WEATHER)));
  }

  @Test
  void openAiChatToolWithoutArgumentsGetsEmptyRequired() {
    assertEquals(json(
        """
        [{"type": "function", "function": {"name": "ping", "strict": true, "description": "",
          "parameters": {"type": "object", "properties": {}, "required": [], "additionalProperties": false}}}]"""),
        ToolFormats.openAiChat(ToolSet.of(PING)));
  }

  @Test
  void openAiChatRootWithoutPropertiesStillGetsRequired() {
    FunctionTool bare = new FunctionTool("bare", "d", object(
        """
        {"type": "object"}"""));
    assertEquals(json(
        """
        [{"type": "function", "function": {"name": "bare", "strict": true, "description": "d",
          "parameters": {"type": "object", "additionalProperties": false, "required": []}}}]"""),
        ToolFormats.openAiChat(ToolSet.of(bare)));
  }

  @Test
  void openAiChatRawToolIsSentAsGivenWithoutStrict() {
    assertEquals(json(
        """
        [{"type": "function", "function": {"name": "open_gate", "description": "Opens a gate",
          "parameters": {"type": "object", "properties": {"gate": {"type": "integer"}}}}}]"""),
        ToolFormats.openAiChat(ToolSet.of(GATE)));
  }

  @Test
  void openAiChatWithoutStrictSendsParametersAsGiven() {
    assertEquals(json(
        """
        [{"type": "function", "function": {"name": "get_weather", "description": "Current weather",
          "parameters": {"type": "object", "title": "Args",
            "properties": {"city": {"type": "string"}, "unit": {"type": "string", "default": "c"}},
            "required": ["city"]}}},
         {"type": "function", "function": {"name": "ping", "description": "",
          "parameters": {"type": "object", "properties": {}, "required": []}}}]"""),
        ToolFormats.openAiChat(ToolSet.of(WEATHER, PING), false));
  }

  @Test
  void openAiChatNamesTheToolWhoseSchemaCannotBeMadeStrict() {
    FunctionTool broken = new FunctionTool("broken", "", object(
        """
        {"type": "object", "properties": {"a": {"$ref": "#/$defs/Nope", "description": "x"}}}"""));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ToolFormats.openAiChat(ToolSet.of(broken)));
    assertEquals("schema of tool 'broken': $ref '#/$defs/Nope' at #/properties/a does not resolve", e.getMessage());
  }

  @Test
  void openAiResponsesToolsAreFlatAndNotStrict() {
    assertEquals(json(
        """
        [{"type": "function", "name": "get_weather", "description": "Current weather",
          "parameters": {"type": "object", "title": "Args",
            "properties": {"city": {"type": "string"}, "unit": {"type": "string", "default": "c"}},
            "required": ["city"]}},
         {"type": "function", "name": "ping", "description": "",
          "parameters": {"type": "object", "properties": {}, "required": []}}]"""),
        ToolFormats.openAiResponses(ToolSet.of(WEATHER, PING)));
  }

  @Test
  void openAiResponsesRawToolIsItsSchemaWithTypeFunction() {
    RawFunctionTool typed = new RawFunctionTool(object(
        """
        {"type": "custom", "name": "open_gate", "strict": true, "parameters": {"type": "object"}}"""));
    assertEquals(json(
        """
        [{"type": "function", "name": "open_gate", "strict": true, "parameters": {"type": "object"}}]"""),
        ToolFormats.openAiResponses(ToolSet.of(typed)));
  }

  @Test
  void anthropicToolsCarryInputSchema() {
    assertEquals(json(
        """
        [{"name": "get_weather", "description": "Current weather",
          "input_schema": {"type": "object", "title": "Args",
            "properties": {"city": {"type": "string"}, "unit": {"type": "string", "default": "c"}},
            "required": ["city"]}},
         {"name": "open_gate", "description": "Opens a gate",
          "input_schema": {"type": "object", "properties": {"gate": {"type": "integer"}}}}]"""),
        ToolFormats.anthropic(ToolSet.of(WEATHER, GATE)));
  }

  @Test
  void awsToolsAreToolSpecsWithoutEmptyDescriptions() {
    assertEquals(json(
        """
        [{"toolSpec": {"name": "open_gate", "description": "Opens a gate",
          "inputSchema": {"json": {"type": "object", "properties": {"gate": {"type": "integer"}}}}}},
         {"toolSpec": {"name": "ping", "inputSchema": {"json": {"type": "object", "properties": {}}}}}]"""),
        ToolFormats.aws(ToolSet.of(GATE, PING)));
  }

  @Test
  void googleToolsAreOneFunctionDeclarationsEntryInGeminisSchemaSubset() {
    FunctionTool strictLooking = new FunctionTool("get_weather", "Current weather", object(
        """
        {"type": "object", "additionalProperties": false,
         "properties": {"city": {"type": "string"}, "unit": {"type": ["string", "null"], "default": "c"}},
         "required": ["city"]}"""));
    assertEquals(json(
        """
        [{"function_declarations": [
          {"name": "get_weather", "description": "Current weather",
           "parameters": {"type": "OBJECT",
             "properties": {"city": {"type": "STRING"}, "unit": {"type": "STRING", "nullable": true}},
             "required": ["city"]}},
          {"name": "ping", "description": ""},
          {"name": "open_gate", "description": "Opens a gate",
           "parameters": {"type": "OBJECT", "properties": {"gate": {"type": "INTEGER"}}}}]}]"""),
        ToolFormats.google(ToolSet.of(strictLooking, PING, GATE)));
  }

  @Test
  void googleWithoutToolsIsAnEmptyArray() {
    assertEquals(json("[]"), ToolFormats.google(ToolSet.empty()));
  }

  @Test
  void googleNamesTheToolWhoseSchemaGeminiCannotTake() {
    FunctionTool recursive = new FunctionTool("tree", "", object(
        """
        {"type": "object", "$defs": {"Node": {"type": "object", "properties": {"kids": {"type": "array", "items": {"$ref": "#/$defs/Node"}}}}},
         "properties": {"root": {"$ref": "#/$defs/Node"}}}"""));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ToolFormats.google(ToolSet.of(recursive)));
    assertEquals("schema of tool 'tree': recursive $ref '#/$defs/Node' at #/properties/root/properties/kids/items"
        + " is not supported by Gemini", e.getMessage());
  }

  @Test
  void formatsLeaveTheToolsUnchanged() {
    ToolSet tools = ToolSet.of(WEATHER, GATE);
    ToolFormats.openAiChat(tools).get(0).withObject("/function/parameters").put("changed", true);
    ToolFormats.anthropic(tools).get(1).withObject("/input_schema").put("changed", true);
    assertEquals(ToolSet.of(WEATHER, GATE), tools);
    assertNoChangedKey(tools);
  }

  private static void assertNoChangedKey(ToolSet tools) {
    for (ToolDefinition tool : tools.tools()) {
      assertEquals(false, tool.parameters().has("changed"), tool.name());
    }
  }
}
