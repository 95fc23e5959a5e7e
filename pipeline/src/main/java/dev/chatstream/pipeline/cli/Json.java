package dev.chatstream.pipeline.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The JSON lines the interactive commands send, built safely (quotes and newlines escaped). */
final class Json {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private Json() {}

  static String message(String role, String text) {
    ObjectNode message = NODES.objectNode().put("type", "message").put("role", role);
    message.putArray("content").add(text);
    return message.toString();
  }

  static String generateReply(String requestId, String llm) {
    ObjectNode request = NODES.objectNode().put("type", "generate_reply").put("request_id", requestId);
    if (llm != null) {
      request.put("llm", llm);
    }
    return request.toString();
  }

  static String functionOutput(String callId, String name, String output) {
    return NODES.objectNode().put("type", "function_call_output").put("call_id", callId).put("name", name)
        .put("output", output).put("is_error", false).toString();
  }
}
