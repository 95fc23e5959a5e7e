package dev.chatstream.llm.internal.responses;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.chatstream.llm.ApiConnectionException;
import dev.chatstream.llm.ApiStatusException;
import dev.chatstream.llm.LlmException;
import dev.chatstream.llm.internal.json.Json;
import dev.chatstream.llm.internal.retry.ExceptionMapper;

/**
 * Responses API failures in the error taxonomy. An {@code error} event and a {@code response.failed}
 * event are status errors that are not retried (the status is the event's own, when it has one);
 * {@code websocket_connection_limit_reached} is a retryable connection error, since a new socket
 * serves the request. {@code previous_response_not_found} is recognised wherever it comes from (an
 * HTTP 400 body or an error event), so that the request can be sent again with its full input.
 */
final class ResponsesErrors {

  static final String PREVIOUS_RESPONSE_NOT_FOUND = "previous_response_not_found";
  static final String CONNECTION_LIMIT_REACHED = "websocket_connection_limit_reached";

  private ResponsesErrors() {}

  /** The error for an {@code error} event, whose fields sit at its top level or under {@code error}. */
  static LlmException fromErrorEvent(JsonNode event, ExceptionMapper errors, String providerRequestId) {
    JsonNode inner = event.path("error").isObject() ? event.get("error") : event;
    String code = text(inner, "code");
    String message = errors.redact(text(inner, "message"));
    if (CONNECTION_LIMIT_REACHED.equals(code)) {
      return new ApiConnectionException("the provider closed the WebSocket at its connection time limit: " + message,
          true, null);
    }
    return errors.streamError(describe(code, message), status(event, inner), providerRequestId, event.toString(),
        false);
  }

  /** The error for a {@code response.failed} event: its {@code response.error}. */
  static LlmException fromFailed(JsonNode event, ExceptionMapper errors, String providerRequestId) {
    JsonNode error = event.path("response").path("error");
    String message = errors.redact(text(error, "message"));
    return new ApiStatusException("response failed: " + describe(text(error, "code"), message),
        ApiStatusException.UNKNOWN_STATUS, providerRequestId, errors.redact(event.toString()), null, false);
  }

  /** True for a status error whose body carries the code {@code previous_response_not_found}. */
  static boolean isPreviousResponseNotFound(LlmException error) {
    return error instanceof ApiStatusException status && PREVIOUS_RESPONSE_NOT_FOUND.equals(codeOf(status.body()));
  }

  /** The {@code code} of an error body ({@code {"error": {"code"}}} or an event), or null. */
  static String codeOf(String body) {
    if (body == null || body.isBlank()) {
      return null;
    }
    try {
      JsonNode root = Json.mapper().readTree(body);
      JsonNode inner = root.path("error").isObject() ? root.get("error") : root;
      String code = text(inner, "code");
      return code.isEmpty() ? null : code;
    } catch (JsonProcessingException notJson) {
      return null;
    }
  }

  private static int status(JsonNode event, JsonNode inner) {
    for (JsonNode holder : new JsonNode[] {event, inner}) {
      JsonNode status = holder.get("status");
      if (status != null && status.isInt()) {
        return status.intValue();
      }
    }
    return ApiStatusException.UNKNOWN_STATUS;
  }

  private static String describe(String code, String message) {
    if (code.isEmpty()) {
      return message.isEmpty() ? "no details" : message;
    }
    return message.isEmpty() ? code : code + ": " + message;
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value != null && value.isTextual() ? value.textValue() : "";
  }
}
