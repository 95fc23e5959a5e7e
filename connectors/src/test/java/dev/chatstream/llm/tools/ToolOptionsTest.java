package dev.chatstream.llm.tools;

import static dev.chatstream.llm.tools.TestJson.json;
import static dev.chatstream.llm.tools.TestJson.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class ToolOptionsTest {
  private static final FunctionTool WEATHER = new FunctionTool("get_weather", "Weather", object(
      """
      {"type": "object", "properties": {"city": {"type": "string"}}}"""));
  private static final ToolChoice NAMED = ToolChoice.function("get_weather");

  private static ObjectNode body() {
    return object(
        """
        {"model": "m", "tool_choice": "required", "parallel_tool_calls": false}""");
  }

  @Test
  void openAiChatWritesToolsChoiceAndParallelFlag() {
    ObjectNode body = ToolOptions.of(List.of(WEATHER), NAMED, true).applyOpenAiChat(object("{\"model\": \"m\"}"));
    assertEquals(object(
        """
        {"model": "m",
         "tools": [{"type": "function", "function": {"name": "get_weather", "strict": true, "description": "Weather",
           "parameters": {"type": "object", "properties": {"city": {"type": "string"}},
                          "required": ["city"], "additionalProperties": false}}}],
         "tool_choice": {"type": "function", "function": {"name": "get_weather"}},
         "parallel_tool_calls": true}"""), body);
  }

  @Test
  void openAiChatWithoutToolsDropsToolChoiceAndParallelFlag() {
    ObjectNode body = ToolOptions.of(List.of(), ToolChoice.REQUIRED, true).applyOpenAiChat(body());
    assertEquals(object("{\"model\": \"m\"}"), body);
  }

  @Test
  void openAiChatWithoutChoiceKeepsTheBodysOwnChoice() {
    ObjectNode body = ToolOptions.of(List.of(WEATHER), null, null).applyOpenAiChat(body(), false);
    assertEquals(json("\"required\""), body.get("tool_choice"));
    assertEquals(json("false"), body.get("parallel_tool_calls"));
    assertEquals(json(
        """
        [{"type": "function", "function": {"name": "get_weather", "description": "Weather",
          "parameters": {"type": "object", "properties": {"city": {"type": "string"}}, "required": []}}}]"""),
        body.get("tools"));
  }

  @Test
  void openAiResponsesWritesFlatToolsAndChoice() {
    ObjectNode body = ToolOptions.of(List.of(WEATHER), NAMED, false).applyOpenAiResponses(object("{}"));
    assertEquals(object(
        """
        {"tools": [{"type": "function", "name": "get_weather", "description": "Weather",
          "parameters": {"type": "object", "properties": {"city": {"type": "string"}}, "required": []}}],
         "tool_choice": {"type": "function", "name": "get_weather"},
         "parallel_tool_calls": false}"""), body);
  }

  @Test
  void openAiResponsesWithoutToolsDropsToolChoice() {
    assertEquals(object("{\"model\": \"m\"}"), ToolOptions.of(null, ToolChoice.AUTO, null).applyOpenAiResponses(body()));
  }

  @Test
  void anthropicPutsParallelFlagInsideToolChoice() {
    ObjectNode body = ToolOptions.of(List.of(WEATHER), ToolChoice.REQUIRED, false).applyAnthropic(object("{}"));
    assertEquals(object(
        """
        {"tools": [{"name": "get_weather", "description": "Weather",
          "input_schema": {"type": "object", "properties": {"city": {"type": "string"}}}}],
         "tool_choice": {"type": "any", "disable_parallel_tool_use": true}}"""), body);
  }

  @Test
  void anthropicNoneSendsNoTools() {
    ObjectNode body = ToolOptions.of(List.of(WEATHER), ToolChoice.NONE, true)
        .applyAnthropic(object("{\"model\": \"m\", \"tools\": [], \"tool_choice\": {\"type\": \"auto\"}}"));
    assertEquals(object("{\"model\": \"m\"}"), body);
  }

  @Test
  void anthropicWithoutChoiceOrParallelFlagSendsOnlyTools() {
    ObjectNode body = ToolOptions.of(List.of(WEATHER), null, null).applyAnthropic(object("{}"));
    assertEquals(List.of("tools"), fieldNames(body));
  }

  @Test
  void awsWritesToolConfigWithChoice() {
    ObjectNode body = ToolOptions.of(List.of(WEATHER), NAMED, null).applyAws(object("{}"));
    assertEquals(object(
        """
        {"toolConfig": {
          "tools": [{"toolSpec": {"name": "get_weather", "description": "Weather",
            "inputSchema": {"json": {"type": "object", "properties": {"city": {"type": "string"}}}}}}],
          "toolChoice": {"tool": {"name": "get_weather"}}}}"""), body);
  }

  @Test
  void awsNoneOrNoToolsSendsNoToolConfig() {
    ObjectNode withConfig = object("{\"toolConfig\": {\"tools\": []}}");
    assertEquals(object("{}"), ToolOptions.of(List.of(WEATHER), ToolChoice.NONE, null).applyAws(withConfig));
    assertEquals(object("{}"), ToolOptions.of(List.of(), ToolChoice.AUTO, null).applyAws(object("{}")));
  }

  @Test
  void googleWritesDeclarationsAndToolConfig() {
    ObjectNode body = ToolOptions.of(List.of(WEATHER), ToolChoice.NONE, true).applyGoogle(object("{}"));
    assertEquals(object(
        """
        {"tools": [{"function_declarations": [{"name": "get_weather", "description": "Weather",
           "parameters": {"type": "OBJECT", "properties": {"city": {"type": "STRING"}}}}]}],
         "tool_config": {"function_calling_config": {"mode": "NONE"}}}"""), body);
  }

  @Test
  void googleWithoutToolsDropsToolConfig() {
    ObjectNode body = ToolOptions.of(List.of(), NAMED, null)
        .applyGoogle(object("{\"tool_config\": {}, \"toolConfig\": {}, \"contents\": []}"));
    assertEquals(object("{\"contents\": []}"), body);
  }

  @Test
  void choiceNamingAnUnknownFunctionIsRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ToolOptions.of(List.of(WEATHER), ToolChoice.function("get_time"), null));
    assertEquals("tool_choice names function 'get_time', which is not among the tools [get_weather]", e.getMessage());
  }

  @Test
  void duplicateToolNamesAreRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ToolOptions.of(List.of(WEATHER, new FunctionTool("get_weather", "", null)), null, null));
    assertEquals("duplicate function name: get_weather", e.getMessage());
  }

  private static List<String> fieldNames(ObjectNode node) {
    return node.properties().stream().map(java.util.Map.Entry::getKey).toList();
  }
}
