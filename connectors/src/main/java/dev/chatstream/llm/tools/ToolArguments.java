package dev.chatstream.llm.tools;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chatstream.llm.internal.json.Json;

/** Parses the arguments of a function call, a JSON string as the model sent it. */
public final class ToolArguments {
  /** How much of the arguments an error message shows. */
  static final int EXCERPT_LENGTH = 100;
  private static final int REASON_LENGTH = 200;


  private ToolArguments() {}

  /**
   * The arguments as a JSON object; null, empty or blank arguments are {@code {}}. Numbers keep their
   * exact written value.
   *
   * @throws InvalidToolArgumentsException when the arguments are not valid JSON (trailing content and
   *     duplicate keys included) or are valid JSON but not an object
   */
  public static ObjectNode parse(String functionName, String arguments) {
    if (arguments == null || arguments.isBlank()) {
      return Json.mapper().createObjectNode();
    }
    JsonNode parsed;
    try {
      parsed = Json.exact().readTree(arguments);
    } catch (JsonProcessingException e) {
      throw invalid(functionName, "not valid JSON (" + reason(e) + ")", arguments, e);
    }
    if (!(parsed instanceof ObjectNode object)) {
      throw invalid(functionName, "expected a JSON object, got " + ToolJson.kindOf(parsed), arguments, null);
    }
    return object;
  }

  private static InvalidToolArgumentsException invalid(
      String functionName, String problem, String arguments, Throwable cause) {
    String message = "invalid arguments for function '" + functionName + "': " + problem
        + "; arguments: " + excerpt(arguments);
    return new InvalidToolArgumentsException(functionName, message, cause);
  }

  private static String reason(JsonProcessingException e) {
    String reason = truncate(e.getOriginalMessage(), REASON_LENGTH);
    JsonLocation location = e.getLocation();
    if (location != null && location.getLineNr() > 0) {
      reason += " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }
    return reason;
  }

  private static String excerpt(String arguments) {
    if (arguments.length() <= EXCERPT_LENGTH) {
      return arguments;
    }
    return arguments.substring(0, EXCERPT_LENGTH) + "... (" + arguments.length() + " chars)";
  }

  private static String truncate(String text, int length) {
    return text.length() <= length ? text : text.substring(0, length) + "...";
  }
}
