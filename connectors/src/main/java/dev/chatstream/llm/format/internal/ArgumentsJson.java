package dev.chatstream.llm.format.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chatstream.llm.chat.FunctionCall;
import dev.chatstream.llm.format.ProviderFormatException;
import dev.chatstream.llm.internal.json.Json;
import java.util.Locale;

/** Parses a function call's arguments for the formats that send them as a JSON object. */
public final class ArgumentsJson {

  private ArgumentsJson() {}

  /**
   * The call's arguments as an object; {@code {}} when they are empty or blank.
   *
   * @throws ProviderFormatException naming the call when the arguments are not a JSON object
   */
  public static ObjectNode parseObject(FunctionCall call) {
    if (call.arguments().isBlank()) {
      return JsonNodeFactory.instance.objectNode();
    }
    JsonNode node;
    try {
      node = Json.mapper().readTree(call.arguments());
    } catch (JsonProcessingException e) {
      throw new ProviderFormatException(describe(call) + " has invalid arguments JSON: "
          + e.getOriginalMessage(), e);
    }
    if (!(node instanceof ObjectNode object)) {
      throw new ProviderFormatException(describe(call) + " has arguments that are not a JSON object (found "
          + node.getNodeType().name().toLowerCase(Locale.ROOT) + ")");
    }
    return object;
  }

  private static String describe(FunctionCall call) {
    return "function call '" + call.name() + "' (id " + call.id() + ", call_id " + call.callId() + ")";
  }
}
