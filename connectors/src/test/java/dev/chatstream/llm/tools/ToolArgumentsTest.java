package dev.chatstream.llm.tools;

import static dev.chatstream.llm.tools.TestJson.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class ToolArgumentsTest {

  private static InvalidToolArgumentsException invalid(String arguments) {
    return assertThrows(InvalidToolArgumentsException.class, () -> ToolArguments.parse("get_weather", arguments));
  }

  @Test
  void emptyArgumentsAreAnEmptyObject() {
    assertEquals(object("{}"), ToolArguments.parse("ping", ""));
  }

  @Test
  void blankArgumentsAreAnEmptyObject() {
    assertEquals(object("{}"), ToolArguments.parse("ping", " \n\t "));
  }

  @Test
  void nullArgumentsAreAnEmptyObject() {
    assertEquals(object("{}"), ToolArguments.parse("ping", null));
  }

  @Test
  void objectArgumentsAreParsed() {
    assertEquals(object("{\"city\": \"Paris\", \"days\": [1, 2]}"),
        ToolArguments.parse("get_weather", " {\"city\": \"Paris\", \"days\": [1, 2]} "));
  }

  @Test
  void numbersKeepTheirWrittenValue() {
    ObjectNode parsed = ToolArguments.parse("pay", "{\"amount\": 10.50, \"big\": 12345678901234567890.000000000001}");
    assertEquals("{\"amount\":10.50,\"big\":12345678901234567890.000000000001}", parsed.toString());
  }

  @Test
  void invalidJsonNamesTheFunctionAndWhatIsWrong() {
    InvalidToolArgumentsException e = invalid("{\"city\": \"Par");
    assertEquals("get_weather", e.functionName());
    assertTrue(e.getMessage().startsWith("invalid arguments for function 'get_weather': not valid JSON ("),
        e.getMessage());
    assertTrue(e.getMessage().contains("at line 1, column"), e.getMessage());
    assertTrue(e.getMessage().endsWith("; arguments: {\"city\": \"Par"), e.getMessage());
  }

  @Test
  void arrayIsNotAnObject() {
    assertEquals("invalid arguments for function 'get_weather': expected a JSON object, got an array;"
        + " arguments: [\"Paris\"]", invalid("[\"Paris\"]").getMessage());
  }

  @Test
  void scalarsAreNotObjects() {
    assertEquals("invalid arguments for function 'get_weather': expected a JSON object, got a string;"
        + " arguments: \"Paris\"", invalid("\"Paris\"").getMessage());
    assertEquals("invalid arguments for function 'get_weather': expected a JSON object, got null;"
        + " arguments: null", invalid("null").getMessage());
  }

  @Test
  void trailingContentIsInvalid() {
    assertTrue(invalid("{\"a\": 1} {\"b\": 2}").getMessage().contains("not valid JSON"));
  }

  @Test
  void duplicateKeysAreInvalid() {
    assertTrue(invalid("{\"a\": 1, \"a\": 2}").getMessage().contains("Duplicate field 'a'"));
  }

  @Test
  void longArgumentsAreTruncatedInTheMessage() {
    String arguments = "{\"text\": \"" + "x".repeat(5_000) + "\", oops}";
    InvalidToolArgumentsException e = invalid(arguments);
    assertTrue(e.getMessage().endsWith("... (" + arguments.length() + " chars)"), e.getMessage());
    assertFalse(e.getMessage().contains("x".repeat(ToolArguments.EXCERPT_LENGTH)), e.getMessage());
    assertTrue(e.getMessage().length() < 600, "message length " + e.getMessage().length());
  }
}
