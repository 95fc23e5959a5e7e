package dev.chatstream.llm.offline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chatstream.llm.LlmRequest;
import dev.chatstream.llm.chat.ChatItem;
import dev.chatstream.llm.chat.ChatMessage;
import dev.chatstream.llm.chat.ChatRole;
import dev.chatstream.llm.chat.FunctionCall;
import dev.chatstream.llm.chat.FunctionCallOutput;
import dev.chatstream.llm.chat.ImageContent;
import dev.chatstream.llm.stream.FunctionToolCall;
import dev.chatstream.llm.tools.FunctionTool;
import dev.chatstream.llm.tools.RawFunctionTool;
import dev.chatstream.llm.tools.ToolChoice;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The offline provider's reply rules: echo, tool calls with schema-built arguments, output reports, limits. */
class ReplyRulesTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static final FunctionTool WEATHER = tool("get_weather", """
      {"type": "object",
       "properties": {
         "location": {"type": "string"},
         "unit": {"type": "string", "enum": ["celsius", "fahrenheit"]},
         "days": {"type": "integer"},
         "note": {"type": "string"}},
       "required": ["location", "unit", "days"]}""");
  private static final FunctionTool TIME = tool("time", """
      {"type": "object", "properties": {"zone": {"type": "string"}}, "required": ["zone"]}""");

  @Test
  void echoesTheLastUserMessage() {
    OfflineReply reply = decide(request(user("first"), assistant("ok"), user("second  question\nhere")));

    assertEquals(text("[offline provider] You said: second question here"), reply);
  }

  @Test
  void saysSoWhenThereIsNoUserText() {
    ChatMessage imageOnly = new ChatMessage("item_img", ChatRole.USER, List.of(ImageContent.of("https://x/y.png")),
        false, null, Map.of(), 1.0);

    assertEquals(text("[offline provider] There is no user text to answer."), decide(request()));
    assertEquals(text("[offline provider] There is no user text to answer."), decide(request(imageOnly)));
  }

  @Test
  void callsANamedToolWithArgumentsFromItsSchema() {
    LlmRequest request = request(user("What is it like outside? Use get_weather for Paris.")).withTools(List.of(WEATHER));

    FunctionToolCall call = call(decide(request));

    assertEquals("get_weather", call.name());
    assertEquals("{\"location\":\"Paris\",\"unit\":\"celsius\",\"days\":0}", call.arguments());
    assertEquals("call_offline_req-1", call.callId());
  }

  @Test
  void readsUnderscoresAsSpacesAndIgnoresCase() {
    LlmRequest request = request(user("please GET Weather in \"New York\" for the next 3 days"))
        .withTools(List.of(WEATHER));

    FunctionToolCall call = call(decide(request));

    assertEquals("{\"location\":\"New York\",\"unit\":\"celsius\",\"days\":3}", call.arguments());
  }

  @Test
  void namesMustBeWholeWords() {
    LlmRequest request = request(user("what's the timezone of get_weathers")).withTools(List.of(WEATHER, TIME));

    assertEquals(text("[offline provider] You said: what's the timezone of get_weathers"), decide(request));
  }

  @Test
  void theEarliestMentionWinsThenTheLongerName() {
    FunctionTool get = tool("get", "{\"type\":\"object\"}");

    LlmRequest timeFirst = request(user("time in Oslo, then get_weather")).withTools(List.of(WEATHER, TIME));
    LlmRequest samePlace = request(user("get weather Rome")).withTools(List.of(get, WEATHER));

    assertEquals("time", call(decide(timeFirst)).name());
    assertEquals("{\"zone\":\"Oslo, then get_weather\"}", call(decide(timeFirst)).arguments());
    assertEquals("get_weather", call(decide(samePlace)).name());
  }

  @Test
  void stringPropertiesTakeQuotedPhrasesInOrderThenTheWordsAfterTheName() {
    FunctionTool send = tool("send_email", """
        {"type": "object",
         "properties": {"to": {"type": "string"}, "subject": {"type": "string"}, "body": {"type": "string"}},
         "required": ["to", "subject", "body"]}""");
    LlmRequest request = request(user("send_email to \"bob@example.com\" titled \u201cLunch\u201d"))
        .withTools(List.of(send));

    assertEquals("{\"to\":\"bob@example.com\",\"subject\":\"Lunch\",\"body\":\"\\\"bob@example.com\\\" titled \u201cLunch\u201d\"}",
        call(decide(request)).arguments());
  }

  @Test
  void numbersBooleansArraysObjectsRefsAndConstsFollowTheSchema() {
    FunctionTool mixed = tool("book_table", """
        {"type": "object",
         "$defs": {"Seat": {"type": "object", "properties": {"area": {"type": "string", "enum": ["patio", "bar"]}},
                            "required": ["area"]}},
         "properties": {
           "guests": {"type": "integer"},
           "budget": {"type": ["number", "null"]},
           "vip": {"type": "boolean"},
           "tags": {"type": "array", "items": {"type": "string"}},
           "seat": {"$ref": "#/$defs/Seat"},
           "kind": {"const": "dinner"},
           "when": {"anyOf": [{"type": "null"}, {"type": "string"}]},
           "unknown": {}},
         "required": ["guests", "budget", "vip", "tags", "seat", "kind", "when", "unknown", "missing"]}""");
    LlmRequest request = request(user("book table for 2.5 people at 19:30")).withTools(List.of(mixed));

    assertEquals("{\"guests\":2,\"budget\":2.5,\"vip\":true,\"tags\":[],\"seat\":{\"area\":\"patio\"},"
        + "\"kind\":\"dinner\",\"when\":\"2.5 people at 19:30\",\"unknown\":null,\"missing\":null}",
        call(decide(request)).arguments());
  }

  @Test
  void numbersDefaultToZeroAndIgnoreDigitsInsideTheToolName() {
    FunctionTool v2 = tool("lookup_v2", """
        {"type": "object", "properties": {"n": {"type": "number"}}, "required": ["n"]}""");

    assertEquals("{\"n\":0}", call(decide(request(user("lookup_v2 now")).withTools(List.of(v2)))).arguments());
    assertEquals("{\"n\":-4}", call(decide(request(user("lookup v2 -4")).withTools(List.of(v2)))).arguments());
  }

  @Test
  void rawToolsAreCalledLikeFunctionTools() {
    RawFunctionTool raw = new RawFunctionTool((ObjectNode) parse("""
        {"name": "ping", "parameters": {"type": "object", "properties": {"host": {"type": "string"}},
         "required": ["host"]}}"""));

    assertEquals("{\"host\":\"example.org\"}",
        call(decide(request(user("ping example.org!")).withTools(List.of(raw)))).arguments());
  }

  @Test
  void toolChoiceNoneNeverCalls() {
    LlmRequest request = request(user("get_weather Paris")).withTools(List.of(WEATHER)).withToolChoice(ToolChoice.NONE);

    assertEquals(text("[offline provider] You said: get_weather Paris"), decide(request));
  }

  @Test
  void toolChoiceRequiredCallsTheFirstToolWhenNoneIsNamed() {
    LlmRequest request = request(user("for Lisbon, please")).withTools(List.of(TIME, WEATHER))
        .withToolChoice(ToolChoice.REQUIRED);

    FunctionToolCall call = call(decide(request));

    assertEquals("time", call.name());
    assertEquals("{\"zone\":\"Lisbon, please\"}", call.arguments());
  }

  @Test
  void aNamedToolChoiceForcesThatTool() {
    LlmRequest request = request(user("time in Oslo")).withTools(List.of(TIME, WEATHER))
        .withToolChoice(ToolChoice.function("get_weather"));

    assertEquals("{\"location\":\"time in Oslo\",\"unit\":\"celsius\",\"days\":0}", call(decide(request)).arguments());
  }

  @Test
  void aForcedToolThatIsNotOfferedIsAnError() {
    LlmRequest request = request(user("hi")).withTools(List.of(TIME)).withToolChoice(ToolChoice.function("nope"));

    IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> decide(request));
    assertEquals("tool_choice names 'nope', which is not among the request's tools", error.getMessage());
  }

  @Test
  void duplicateToolNamesAreAnError() {
    LlmRequest request = request(user("time")).withTools(List.of(TIME, TIME));

    IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> decide(request));
    assertEquals("duplicate tool name 'time'", error.getMessage());
  }

  @Test
  void noToolsMeansNoCall() {
    assertEquals(text("[offline provider] You said: get_weather Paris"), decide(request(user("get_weather Paris"))));
  }

  @Test
  void callIdsComeFromTheRequestId() {
    LlmRequest request = OfflineProviderTest.request("conv 7/gen:2", user("time UTC"))
        .withTools(List.of(TIME));

    assertEquals("call_offline_conv_7_gen_2", call(decide(request)).callId());
  }

  @Test
  void reportsTrailingFunctionOutputs() {
    FunctionCall weather = FunctionCall.of("call_1", "get_weather", "{}");
    FunctionCall time = FunctionCall.of("call_2", "time", "{}");
    LlmRequest request = request(user("weather and time?"), weather, time,
        FunctionCallOutput.of("call_1", "get_weather", "sunny, 21 C", false),
        FunctionCallOutput.of("call_2", "", "clock unavailable", true)).withTools(List.of(WEATHER, TIME));

    assertEquals(text("[offline provider] The get_weather tool returned: sunny, 21 C "
        + "The time tool failed: clock unavailable"), decide(request));
  }

  @Test
  void anOutputWithoutAKnownCallIsStillReported() {
    LlmRequest request = request(user("x"), FunctionCallOutput.of("call_9", "", "42", false));

    assertEquals(text("[offline provider] The tool returned: 42"), decide(request));
  }

  @Test
  void maxTokensCutsTextRepliesToWords() {
    LlmRequest request = request(user("one two three")).withExtraOptions(Map.of("max_tokens", 3));
    LlmRequest both = request(user("one two three"))
        .withExtraOptions(Map.of("max_tokens", 5, "max_completion_tokens", "2"));

    assertEquals(text("[offline provider] You"), decide(request));
    assertEquals(text("[offline provider]"), decide(both));
  }

  @Test
  void maxTokensMustBeAPositiveWholeNumber() {
    for (Object bad : List.of(0, -3, 2.5, "ten", true)) {
      LlmRequest request = request(user("hi")).withExtraOptions(Map.of("max_tokens", bad));

      IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> decide(request));
      assertEquals("max_tokens must be a positive whole number, was '" + bad + "'", error.getMessage());
    }
  }

  private static OfflineReply decide(LlmRequest request) {
    return ReplyRules.decide(request);
  }

  private static FunctionToolCall call(OfflineReply reply) {
    return assertInstanceOf(OfflineReply.Call.class, reply).call();
  }

  private static OfflineReply text(String text) {
    return new OfflineReply.Text(Words.of(text));
  }

  private static ChatMessage user(String text) {
    return ChatMessage.of(ChatRole.USER, text);
  }

  private static ChatMessage assistant(String text) {
    return ChatMessage.of(ChatRole.ASSISTANT, text);
  }

  private static LlmRequest request(ChatItem... items) {
    return OfflineProviderTest.request("req-1", items);
  }

  private static FunctionTool tool(String name, String schema) {
    return new FunctionTool(name, "", (ObjectNode) parse(schema));
  }

  private static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
