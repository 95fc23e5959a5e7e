package dev.chatstream.pipeline.internals.reprocess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatstream.llm.chat.FunctionCall;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ToolStepMatchTest {
  private final PlannedRequest planned = new PlannedRequest(new RequestKey("c", "r"), 3, "default", Map.of());

  @Test
  void callsMatchByNameAndArgumentsComparedAsJson() {
    planned.recordOutput("call_a", new RecordedOutput("get_weather", "sunny", false));
    planned.recordOutput("call_b", new RecordedOutput("get_time", "noon", false));

    ToolStepMatch.Outcome outcome = ToolStepMatch.of(1,
        List.of(call("x1", "get_time", "{}"), call("x2", "get_weather", "{ \"unit\" : \"c\", \"city\":\"Paris\" }")),
        List.of(call("call_a", "get_weather", "{\"city\":\"Paris\",\"unit\":\"c\"}"), call("call_b", "get_time", "")),
        planned);

    ToolStepMatch.Matched matched = assertInstanceOf(ToolStepMatch.Matched.class, outcome);
    assertEquals(List.of("noon", "sunny"), matched.answers().stream().map(a -> a.output().output()).toList());
    assertEquals(List.of("x1", "x2"), matched.answers().stream().map(a -> a.call().callId()).toList());
  }

  @Test
  void otherArgumentsDiverge() {
    planned.recordOutput("call_a", new RecordedOutput("get_weather", "sunny", false));

    ToolStepMatch.Outcome outcome = ToolStepMatch.of(1, List.of(call("x", "get_weather", "{\"city\":\"Rome\"}")),
        List.of(call("call_a", "get_weather", "{\"city\":\"Paris\"}")), planned);

    ToolStepMatch.Diverged diverged = assertInstanceOf(ToolStepMatch.Diverged.class, outcome);
    assertTrue(diverged.reason().contains("get_weather({\"city\":\"Rome\"})"), diverged.reason());
  }

  @Test
  void aCallTheOriginalDidNotMakeDivergesEvenWhenTheOriginalCalledNothing() {
    assertInstanceOf(ToolStepMatch.Diverged.class,
        ToolStepMatch.of(2, List.of(call("x", "get_weather", "{}")), List.of(), planned));
  }

  @Test
  void anOriginalCallIsUsedOnce() {
    planned.recordOutput("call_a", new RecordedOutput("ping", "pong", false));

    assertInstanceOf(ToolStepMatch.Diverged.class, ToolStepMatch.of(1,
        List.of(call("x1", "ping", "{}"), call("x2", "ping", "{}")), List.of(call("call_a", "ping", "{}")), planned));
  }

  @Test
  void aMatchWithoutARecordedOutputStopsTheLoop() {
    assertInstanceOf(ToolStepMatch.NoRecordedOutput.class, ToolStepMatch.of(1,
        List.of(call("x", "ping", "{}")), List.of(call("call_missing", "ping", "{}")), planned));
  }

  private static FunctionCall call(String callId, String name, String arguments) {
    return new FunctionCall("item_" + callId, callId, name, arguments, 1.0, Map.of(), null);
  }
}
