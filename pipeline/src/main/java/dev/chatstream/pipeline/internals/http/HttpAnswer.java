package dev.chatstream.pipeline.internals.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chatstream.llm.internal.json.Json;
import java.nio.charset.StandardCharsets;

/**
 * One HTTP answer: status, content type and body.
 *
 * @param status the HTTP status
 * @param contentType the body's media type
 * @param body the body's bytes
 */
record HttpAnswer(int status, String contentType, byte[] body) {
  static final String JSON_TYPE = "application/json; charset=utf-8";
  private static final ObjectMapper JSON = Json.mapper();

  /** A JSON answer. */
  static HttpAnswer json(int status, ObjectNode body) {
    return new HttpAnswer(status, JSON_TYPE, body.toString().getBytes(StandardCharsets.UTF_8));
  }

  /** A JSON error: {@code {"error": message, "status": status}}. */
  static HttpAnswer error(int status, String message) {
    return json(status, JSON.createObjectNode().put("error", message).put("status", status));
  }

  /** A fresh JSON object to build a body in. */
  static ObjectNode object() {
    return JSON.createObjectNode();
  }
}
