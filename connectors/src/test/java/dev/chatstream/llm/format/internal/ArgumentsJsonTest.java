package dev.chatstream.llm.format.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.chatstream.llm.chat.FunctionCall;
import dev.chatstream.llm.format.ProviderFormatException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ArgumentsJsonTest {

  private static FunctionCall call(String arguments) {
    return new FunctionCall("M/fnc_0", "call_1", "get_weather", arguments, 1, Map.of(), null);
  }

  @Test
  void parsesAnObject() {
    assertEquals(
        JsonNodeFactory.instance.objectNode().put("city", "Paris").put("days", 3),
        ArgumentsJson.parseObject(call("{\"city\": \"Paris\", \"days\": 3}")));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "  \n"})
  void emptyArgumentsAreAnEmptyObject(String arguments) {
    assertEquals(JsonNodeFactory.instance.objectNode(), ArgumentsJson.parseObject(call(arguments)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"{\"city\": ", "{\"city\": \"Paris\"} trailing", "not json"})
  void invalidJsonIsAnErrorNamingTheCall(String arguments) {
    ProviderFormatException e = assertThrows(ProviderFormatException.class, () -> ArgumentsJson.parseObject(call(arguments)));

    assertTrue(e.getMessage().startsWith(
        "function call 'get_weather' (id M/fnc_0, call_id call_1) has invalid arguments JSON: "), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"[1, 2]", "42", "\"Paris\"", "null"})
  void argumentsThatAreNotAnObjectAreAnError(String arguments) {
    ProviderFormatException e = assertThrows(ProviderFormatException.class, () -> ArgumentsJson.parseObject(call(arguments)));

    assertTrue(e.getMessage().startsWith(
        "function call 'get_weather' (id M/fnc_0, call_id call_1) has arguments that are not a JSON object"),
        e.getMessage());
  }
}
