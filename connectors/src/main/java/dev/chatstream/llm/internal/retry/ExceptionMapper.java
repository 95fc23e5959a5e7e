package dev.chatstream.llm.internal.retry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.chatstream.llm.ApiConnectionException;
import dev.chatstream.llm.ApiStatusException;
import dev.chatstream.llm.ApiTimeoutException;
import dev.chatstream.llm.LlmException;
import dev.chatstream.llm.format.ProviderFormatException;
import dev.chatstream.llm.internal.http.SecretRedactor;
import dev.chatstream.llm.internal.json.Json;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import okhttp3.Headers;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The one place where failures become the error kinds of the semantics: an HTTP error status or an
 * error object in a stream becomes an {@link ApiStatusException}; a timeout an
 * {@link ApiTimeoutException}; any other transport failure an {@link ApiConnectionException}; a
 * malformed stream a retryable {@link LlmException}; a request that cannot be built (bad tools, an
 * item the format cannot express) a final one.
 * Every message and body passes through the redactor, so no secret leaves through an error.
 */
public final class ExceptionMapper {

  /** Error bodies longer than this are cut. */
  static final int MAX_BODY_BYTES = 16 * 1024;

  private static final List<String> CREDENTIAL_HEADERS = List.of("Authorization", "api-key");

  private final SecretRedactor redactor;

  private ExceptionMapper(SecretRedactor redactor) {
    this.redactor = redactor;
  }

  /** A mapper that masks these secrets (null and short values ignored). */
  public static ExceptionMapper redacting(Collection<String> secrets) {
    return new ExceptionMapper(SecretRedactor.of(secrets));
  }

  /** A mapper that also masks these secrets, such as the credential headers of one attempt. */
  public ExceptionMapper withSecrets(Collection<String> more) {
    return new ExceptionMapper(redactor.with(more));
  }

  /**
   * A mapper that also masks the credentials {@code http} carries: its {@code Authorization} values
   * (with and without the {@code Bearer} scheme) and {@code api-key} values.
   */
  public ExceptionMapper withCredentialsOf(Request http) {
    List<String> secrets = new ArrayList<>();
    for (String name : CREDENTIAL_HEADERS) {
      for (String value : http.headers(name)) {
        secrets.add(value);
        if (value.startsWith("Bearer ")) {
          secrets.add(value.substring("Bearer ".length()));
        }
      }
    }
    return withSecrets(secrets);
  }

  /**
   * Checks that a successful answer to a streaming request is an event stream (or has no content
   * type). A JSON body holding an {@code error} object becomes its status error; anything else a
   * retryable error naming the content type.
   *
   * @throws IOException when the body cannot be read
   */
  public void requireEventStream(Response response) throws IOException {
    MediaType type = response.body().contentType();
    if (type == null || "event-stream".equals(type.subtype())) {
      return;
    }
    String text = response.peekBody(MAX_BODY_BYTES).string();
    try {
      JsonNode root = Json.mapper().readTree(text);
      if (root != null && root.path("error").isObject()) {
        throw fromStreamError(root, requestId(response.headers()));
      }
    } catch (JsonProcessingException notJson) {
      // reported below as an unexpected content type
    }
    throw new LlmException("expected an event stream, the provider answered " + type, true, null);
  }

  /** {@code text} with every known secret masked. */
  public String redact(String text) {
    return redactor.redact(text);
  }

  /** The error for any failure of an attempt; an {@link LlmException} passes through unchanged. */
  public LlmException map(Throwable failure) {
    return switch (failure) {
      case LlmException known -> known;
      case JsonProcessingException malformed -> new LlmException(
          "malformed JSON in the provider stream: " + redact(malformed.getOriginalMessage()), true, null);
      case SocketTimeoutException timeout -> timeout(timeout);
      case InterruptedIOException interrupted when "timeout".equals(interrupted.getMessage()) -> timeout(interrupted);
      case IOException io -> new ApiConnectionException(
          "connection error: " + redact(describe(io)), true, null);
      case IllegalArgumentException invalid -> new LlmException(
          "invalid request: " + redact(invalid.getMessage()), false, null);
      case ProviderFormatException unformattable -> new LlmException(
          "invalid request: " + redact(unformattable.getMessage()), false, null);
      default -> new LlmException(
          "unexpected error: " + redact(describe(failure)), false, null);
    };
  }

  /** The error for an HTTP response whose status is not 2xx. Reads (part of) the body. */
  public ApiStatusException fromResponse(Response response) {
    int status = response.code();
    String body = redact(readBody(response));
    Duration retryAfter = status == 429 ? RetryAfter.parse(response.headers(), Clock.systemUTC()) : null;
    String detail = errorMessage(body);
    String message = "HTTP " + status + ": " + (detail != null ? detail : reason(response));
    return new ApiStatusException(message, status, requestId(response.headers()), body, retryAfter);
  }

  /**
   * The error for an error object received inside a stream ({@code {"error": {...}}} or an
   * {@code event: error}). The status comes from {@code status_code}, {@code status} or a numeric
   * {@code code}, when present.
   *
   * @param error the error object (or the object holding it under {@code error})
   * @param providerRequestId the request id of the response carrying the stream, or null
   */
  public ApiStatusException fromStreamError(JsonNode error, String providerRequestId) {
    JsonNode inner = error.path("error").isObject() ? error.get("error") : error;
    int status = statusOf(inner);
    String detail = inner.path("message").asText("");
    String message = "error in the provider stream" + (detail.isEmpty() ? "" : ": " + redact(detail));
    return new ApiStatusException(message, status, providerRequestId, redact(error.toString()), null);
  }

  /** The provider's request id: {@code x-request-id}, else Azure's {@code apim-request-id}. */
  public static String requestId(Headers headers) {
    String id = headers.get("x-request-id");
    return id != null ? id : headers.get("apim-request-id");
  }

  private static int statusOf(JsonNode error) {
    for (String field : new String[] {"status_code", "status", "code"}) {
      JsonNode value = error.get(field);
      if (value != null && value.canConvertToInt() && value.isNumber()) {
        return value.intValue();
      }
      if (value != null && value.isTextual() && value.asText().matches("\\d{3}")) {
        return Integer.parseInt(value.asText());
      }
    }
    return ApiStatusException.UNKNOWN_STATUS;
  }

  private ApiTimeoutException timeout(IOException cause) {
    return new ApiTimeoutException("request timed out: " + redact(describe(cause)), true, null);
  }

  private static String describe(Throwable failure) {
    String message = failure.getMessage();
    return message == null || message.isBlank()
        ? failure.getClass().getSimpleName()
        : failure.getClass().getSimpleName() + ": " + message;
  }

  private static String readBody(Response response) {
    try {
      return response.peekBody(MAX_BODY_BYTES).string();
    } catch (IOException | IllegalStateException e) {
      return null;
    }
  }

  private static String reason(Response response) {
    return response.message().isBlank() ? "request failed" : response.message();
  }

  private static String errorMessage(String body) {
    if (body == null || body.isBlank()) {
      return null;
    }
    try {
      JsonNode root = Json.mapper().readTree(body);
      JsonNode error = root.path("error");
      if (error.path("message").isTextual()) {
        return error.get("message").asText();
      }
      if (error.isTextual()) {
        return error.asText();
      }
      return root.path("message").isTextual() ? root.get("message").asText() : null;
    } catch (JsonProcessingException e) {
      return null;
    }
  }
}
