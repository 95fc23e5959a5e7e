package dev.chatstream.pipeline.internals.json;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Builds the JSON lines {@link InputEventJson} reads, for the commands that write events themselves
 * (chat, demo): quotes and newlines escaped, fields as {@code chatstream produce} takes them.
 */
public final class InputEventLines {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private InputEventLines() {}

  /** A message item of {@code role} with one text part. */
  public static String message(String role, String text) {
    ObjectNode message = NODES.objectNode().put("type", "message").put("role", role);
    message.putArray("content").add(text);
    return message.toString();
  }

  /** A {@code generate_reply}, on profile {@code llm} (null: the default). */
  public static String generateReply(String requestId, String llm) {
    ObjectNode request = NODES.objectNode().put("type", "generate_reply").put("request_id", requestId);
    if (llm != null) {
      request.put("llm", llm);
    }
    return request.toString();
  }

  /** A successful {@code function_call_output} for {@code callId}. */
  public static String functionOutput(String callId, String name, String output) {
    return NODES.objectNode().put("type", "function_call_output").put("call_id", callId).put("name", name)
        .put("output", output).put("is_error", false).toString();
  }
}
