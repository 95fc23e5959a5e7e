package dev.chatstream.llm.tools;

import static dev.chatstream.llm.tools.TestJson.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ToolChoiceFormatsTest {
  private static final ToolChoice NAMED = ToolChoice.function("get_weather");

  @Test
  void openAiChatModesAreStrings() {
    assertEquals(json("\"auto\""), ToolChoiceFormats.openAiChat(ToolChoice.AUTO));
    assertEquals(json("\"required\""), ToolChoiceFormats.openAiChat(ToolChoice.REQUIRED));
    assertEquals(json("\"none\""), ToolChoiceFormats.openAiChat(ToolChoice.NONE));
  }

  @Test
  void openAiChatNamedFunctionIsNested() {
    assertEquals(json(
        """
        {"type": "function", "function": {"name": "get_weather"}}"""), ToolChoiceFormats.openAiChat(NAMED));
  }

  @Test
  void openAiResponsesModesAreStringsAndNamedFunctionIsFlat() {
    assertEquals(json("\"required\""), ToolChoiceFormats.openAiResponses(ToolChoice.REQUIRED));
    assertEquals(json(
        """
        {"type": "function", "name": "get_weather"}"""), ToolChoiceFormats.openAiResponses(NAMED));
  }

  @Test
  void anthropicMapsAutoRequiredAndNamed() {
    assertEquals(json("{\"type\": \"auto\"}"), ToolChoiceFormats.anthropic(ToolChoice.AUTO, null));
    assertEquals(json("{\"type\": \"any\"}"), ToolChoiceFormats.anthropic(ToolChoice.REQUIRED, null));
    assertEquals(json("{\"type\": \"tool\", \"name\": \"get_weather\"}"), ToolChoiceFormats.anthropic(NAMED, null));
  }

  @Test
  void anthropicDisablesParallelToolUseWhenParallelCallsAreOff() {
    assertEquals(json(
        """
        {"type": "any", "disable_parallel_tool_use": true}"""),
        ToolChoiceFormats.anthropic(ToolChoice.REQUIRED, false));
    assertEquals(json(
        """
        {"type": "tool", "name": "get_weather", "disable_parallel_tool_use": false}"""),
        ToolChoiceFormats.anthropic(NAMED, true));
  }

  @Test
  void anthropicWithoutChoiceButWithParallelFlagIsAuto() {
    assertEquals(json(
        """
        {"type": "auto", "disable_parallel_tool_use": true}"""), ToolChoiceFormats.anthropic(null, false));
  }

  @Test
  void anthropicNoneHasNoChoiceValue() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ToolChoiceFormats.anthropic(ToolChoice.NONE, null));
    assertEquals("tool_choice none is sent to Anthropic as no tools", e.getMessage());
  }

  @Test
  void awsMapsAutoRequiredAndNamed() {
    assertEquals(json("{\"auto\": {}}"), ToolChoiceFormats.aws(ToolChoice.AUTO));
    assertEquals(json("{\"any\": {}}"), ToolChoiceFormats.aws(ToolChoice.REQUIRED));
    assertEquals(json("{\"tool\": {\"name\": \"get_weather\"}}"), ToolChoiceFormats.aws(NAMED));
    assertThrows(IllegalArgumentException.class, () -> ToolChoiceFormats.aws(ToolChoice.NONE));
  }

  @Test
  void googleMapsModesToFunctionCallingConfig() {
    assertEquals(json("{\"function_calling_config\": {\"mode\": \"AUTO\"}}"), ToolChoiceFormats.google(ToolChoice.AUTO));
    assertEquals(json("{\"function_calling_config\": {\"mode\": \"ANY\"}}"), ToolChoiceFormats.google(ToolChoice.REQUIRED));
    assertEquals(json("{\"function_calling_config\": {\"mode\": \"NONE\"}}"), ToolChoiceFormats.google(ToolChoice.NONE));
  }

  @Test
  void googleNamedFunctionIsAnyWithAllowedName() {
    assertEquals(json(
        """
        {"function_calling_config": {"mode": "ANY", "allowed_function_names": ["get_weather"]}}"""),
        ToolChoiceFormats.google(NAMED));
  }

  @Test
  void toolChoiceModeOutsideTheThreeIsRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ToolChoice.Mode("any"));
    assertEquals("tool_choice mode must be auto, required or none, was 'any'", e.getMessage());
  }
}
