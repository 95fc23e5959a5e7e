package dev.chatstream.llm.bedrock.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chatstream.llm.ApiStatusException;
import dev.chatstream.llm.internal.retry.ErrorDialect;
import dev.chatstream.llm.internal.retry.ExceptionMapper;
import java.util.Locale;
import java.util.Map;
import okhttp3.Headers;

/**
 * Bedrock's error table. An HTTP error names its exception in the {@code x-amzn-ErrorType} header (or
 * a {@code __type} field) and says what went wrong in {@code message}; its status decides. An
 * exception inside the stream ({@code :message-type: exception}) has no status, so its type gives the
 * one Bedrock documents for it: {@code throttlingException} 429 and {@code serviceUnavailableException}
 * 503 (retryable), {@code internalServerException} 500 (retryable), {@code modelStreamErrorException}
 * 424 and {@code validationException} 400 (final).
 */
public final class BedrockErrors {

  /** The documented status of each ConverseStream exception, by lower-camel type. */
  static final Map<String, Integer> STATUS_OF_EXCEPTION = Map.ofEntries(
      Map.entry("validationException", 400),
      Map.entry("serviceQuotaExceededException", 400),
      Map.entry("accessDeniedException", 403),
      Map.entry("resourceNotFoundException", 404),
      Map.entry("modelTimeoutException", 408),
      Map.entry("modelErrorException", 424),
      Map.entry("modelStreamErrorException", 424),
      Map.entry("throttlingException", 429),
      Map.entry("modelNotReadyException", 429),
      Map.entry("internalServerException", 500),
      Map.entry("serviceUnavailableException", 503));

  /** {@code ExceptionName: message} of an error response. */
  public static final ErrorDialect DIALECT = (headers, body) -> {
    String type = errorType(headers, body);
    String message = message(body);
    if (type == null) {
      return message;
    }
    return message == null ? type : type + ": " + message;
  };

  private BedrockErrors() {}

  /** The error for an exception message of the stream, whose status its type gives. */
  static ApiStatusException streamException(
      String type, JsonNode payload, String requestId, ExceptionMapper errors) {
    String key = type.isEmpty() ? type : Character.toLowerCase(type.charAt(0)) + type.substring(1);
    int status = STATUS_OF_EXCEPTION.getOrDefault(key, ApiStatusException.UNKNOWN_STATUS);
    String message = message(payload);
    return errors.streamError(message == null ? type : type + ": " + message, status, requestId, payload.toString());
  }

  /** The error for an error message of the stream ({@code :error-code}, {@code :error-message}). */
  static ApiStatusException streamError(String code, String message, String requestId, ExceptionMapper errors) {
    String key = code.toLowerCase(Locale.ROOT);
    boolean retryable = key.contains("throttl") || key.contains("internal") || key.contains("unavailable");
    return errors.streamError(code + ": " + message, ApiStatusException.UNKNOWN_STATUS, requestId, null, retryable);
  }

  private static String errorType(Headers headers, JsonNode body) {
    String type = headers.get("x-amzn-ErrorType");
    if (type == null && body.path("__type").isTextual()) {
      type = body.get("__type").asText();
    }
    if (type == null || type.isBlank()) {
      return null;
    }
    int colon = type.indexOf(':');
    String name = colon < 0 ? type : type.substring(0, colon);
    return name.substring(name.lastIndexOf('#') + 1);
  }

  private static String message(JsonNode body) {
    for (String field : new String[] {"message", "Message"}) {
      if (body.path(field).isTextual()) {
        return body.get(field).asText();
      }
    }
    return null;
  }
}
