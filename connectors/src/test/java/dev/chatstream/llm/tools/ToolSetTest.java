package dev.chatstream.llm.tools;

import static dev.chatstream.llm.tools.TestJson.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ToolSetTest {
  private static final FunctionTool WEATHER = new FunctionTool("get_weather", "weather", null);
  private static final RawFunctionTool GATE = new RawFunctionTool(object(
      """
      {"name": "open_gate", "parameters": {"type": "object", "properties": {}}}"""));

  @Test
  void duplicateNamesAreRejected() {
    FunctionTool other = new FunctionTool("get_weather", "another", null);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ToolSet.of(WEATHER, GATE, other));
    assertEquals("duplicate function name: get_weather", e.getMessage());
  }

  @Test
  void duplicateNameAcrossFunctionAndRawToolIsRejected() {
    RawFunctionTool raw = new RawFunctionTool(object(
        """
        {"name": "get_weather", "parameters": {"type": "object"}}"""));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ToolSet.of(List.of(WEATHER, raw)));
    assertEquals("duplicate function name: get_weather", e.getMessage());
  }

  @Test
  void keepsToolsAndNamesInOrder() {
    ToolSet set = ToolSet.of(List.of(GATE, WEATHER));
    assertEquals(List.of(GATE, WEATHER), set.tools());
    assertEquals(List.of("open_gate", "get_weather"), set.names());
    assertEquals(2, set.size());
    assertFalse(set.isEmpty());
  }

  @Test
  void findsToolsByName() {
    ToolSet set = ToolSet.of(WEATHER, GATE);
    assertEquals(Optional.of(GATE), set.get("open_gate"));
    assertEquals(Optional.empty(), set.get("missing"));
    assertTrue(set.contains("get_weather"));
    assertFalse(set.contains("missing"));
  }

  @Test
  void emptySetHasNoTools() {
    assertTrue(ToolSet.empty().isEmpty());
    assertEquals(List.of(), ToolSet.empty().names());
    assertEquals(ToolSet.empty(), ToolSet.of(List.of()));
  }

  @Test
  void laterChangesToTheGivenListDoNotLeakIn() {
    List<ToolDefinition> source = new ArrayList<>(List.of(WEATHER));
    ToolSet set = ToolSet.of(source);
    source.add(GATE);
    assertEquals(List.of("get_weather"), set.names());
    assertThrows(UnsupportedOperationException.class, () -> set.tools().add(GATE));
  }

  @Test
  void nullToolIsRejectedWithItsIndex() {
    NullPointerException e = assertThrows(NullPointerException.class, () -> ToolSet.of(Arrays.asList(WEATHER, null)));
    assertEquals("tool at index 1 is null", e.getMessage());
  }
}
