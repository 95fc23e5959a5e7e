package dev.chatstream.llm.mistral.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chatstream.llm.format.FormattedContext;
import dev.chatstream.llm.internal.json.Json;

/**
 * The entries of the {@code mistralai} format as chat completions {@code messages}: the instructions
 * as the system message, {@code message.input} as user and {@code message.output} as assistant
 * messages, {@code function.call}s as the {@code tool_calls} of the assistant message they follow (a
 * message of their own when none does), and {@code function.result}s as {@code tool} messages. Call ids
 * pass through {@link MistralToolCallIds}.
 */
final class MistralMessages {

  private MistralMessages() {}

  static ArrayNode of(FormattedContext context) {
    ArrayNode messages = Json.mapper().createArrayNode();
    if (context.instructions() != null) {
      messages.addObject().put("role", "system").put("content", context.instructions());
    }
    ObjectNode assistant = null;
    for (JsonNode entry : context.messages()) {
      switch (entry.path("type").asText()) {
        case "message.input" -> {
          messages.addObject().put("role", "user").set("content", entry.get("content"));
          assistant = null;
        }
        case "message.output" -> {
          assistant = messages.addObject().put("role", "assistant");
          assistant.set("content", entry.get("content"));
        }
        case "function.call" -> {
          if (assistant == null) {
            assistant = messages.addObject().put("role", "assistant").put("content", "");
          }
          ArrayNode calls = assistant.has("tool_calls") ? (ArrayNode) assistant.get("tool_calls")
              : assistant.putArray("tool_calls");
          ObjectNode call = calls.addObject()
              .put("id", MistralToolCallIds.of(entry.path("tool_call_id").asText()))
              .put("type", "function");
          call.putObject("function").put("name", entry.path("name").asText())
              .put("arguments", entry.path("arguments").asText());
        }
        case "function.result" -> {
          messages.addObject().put("role", "tool")
              .put("tool_call_id", MistralToolCallIds.of(entry.path("tool_call_id").asText()))
              .put("content", entry.path("result").asText());
          assistant = null;
        }
        default -> throw new IllegalStateException("unknown mistralai entry " + entry.path("type").asText());
      }
    }
    return messages;
  }
}
