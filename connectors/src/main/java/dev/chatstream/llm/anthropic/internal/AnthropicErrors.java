package dev.chatstream.llm.anthropic.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chatstream.llm.ApiStatusException;
import dev.chatstream.llm.internal.retry.ErrorDialect;
import dev.chatstream.llm.internal.retry.ExceptionMapper;
import java.util.Map;

/**
 * Anthropic's error table. Error bodies read {@code {"type": "error", "error": {"type", "message"}}};
 * an error event inside a stream has no status, so its type gives one, as Anthropic documents them:
 * {@code overloaded_error} is 529 and {@code api_error} 500 (both retryable), {@code rate_limit_error}
 * 429 (retryable), the request errors 4xx (final).
 */
public final class AnthropicErrors {

  /** The status of each error type. */
  static final Map<String, Integer> STATUS_OF_TYPE = Map.ofEntries(
      Map.entry("invalid_request_error", 400),
      Map.entry("authentication_error", 401),
      Map.entry("billing_error", 402),
      Map.entry("permission_error", 403),
      Map.entry("not_found_error", 404),
      Map.entry("request_too_large", 413),
      Map.entry("rate_limit_error", 429),
      Map.entry("api_error", 500),
      Map.entry("timeout_error", 504),
      Map.entry("overloaded_error", 529));

  /** {@code type: message} of an error body. */
  public static final ErrorDialect DIALECT = (headers, body) -> detail(body.path("error"));

  private AnthropicErrors() {}

  /** The error for an {@code error} event, whose status follows from its type (unknown types: no status). */
  static ApiStatusException streamError(JsonNode event, String requestId, ExceptionMapper errors) {
    JsonNode error = event.path("error");
    int status = STATUS_OF_TYPE.getOrDefault(error.path("type").asText(""), ApiStatusException.UNKNOWN_STATUS);
    return errors.streamError(detail(error), status, requestId, event.toString());
  }

  private static String detail(JsonNode error) {
    String type = error.path("type").asText("");
    String message = error.path("message").asText("");
    if (type.isEmpty()) {
      return message.isEmpty() ? null : message;
    }
    return message.isEmpty() ? type : type + ": " + message;
  }
}
