package dev.chatstream.llm.google.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chatstream.llm.ApiStatusException;
import dev.chatstream.llm.internal.retry.ErrorDialect;
import dev.chatstream.llm.internal.retry.ExceptionMapper;
import java.util.Set;

/**
 * Gemini's error table. Error bodies read {@code {"error": {"code", "message", "status"}}}, whose HTTP
 * status decides (429 {@code RESOURCE_EXHAUSTED}, 500 {@code INTERNAL}, 503 {@code UNAVAILABLE} and
 * 504 {@code DEADLINE_EXCEEDED} retryable; 400, 403 and 404 final). A candidate that stops for a
 * content reason, or a prompt that is blocked, is a final error naming the reason; a malformed function
 * call may come out right on another attempt.
 */
public final class GeminiErrors {

  /** {@code STATUS: message} of an error body. */
  public static final ErrorDialect DIALECT = (headers, body) -> {
    JsonNode error = body.path("error");
    String status = error.path("status").asText("");
    String message = error.path("message").asText("");
    if (status.isEmpty()) {
      return message.isEmpty() ? null : message;
    }
    return message.isEmpty() ? status : status + ": " + message;
  };

  /** The finish reasons of a reply the model or its filters stopped for its content. */
  static final Set<String> BLOCKED = Set.of(
      "SAFETY", "RECITATION", "LANGUAGE", "BLOCKLIST", "PROHIBITED_CONTENT", "SPII", "IMAGE_SAFETY",
      "IMAGE_PROHIBITED_CONTENT");

  /** A finish reason after which another attempt may succeed. */
  static final String MALFORMED_FUNCTION_CALL = "MALFORMED_FUNCTION_CALL";

  private GeminiErrors() {}

  /** The final error for a {@code what} (prompt, response) stopped by {@code reason}. */
  static ApiStatusException blocked(
      ExceptionMapper errors, String what, String reason, String requestId, String body) {
    return errors.streamError("Gemini blocked the " + what + " (" + reason + ")", ApiStatusException.UNKNOWN_STATUS,
        requestId, body, false);
  }

  /** The retryable error for a function call the model wrote malformed. */
  static ApiStatusException malformedCall(ExceptionMapper errors, String requestId, String body) {
    return errors.streamError("Gemini wrote a malformed function call (" + MALFORMED_FUNCTION_CALL + ")",
        ApiStatusException.UNKNOWN_STATUS, requestId, body, true);
  }
}
