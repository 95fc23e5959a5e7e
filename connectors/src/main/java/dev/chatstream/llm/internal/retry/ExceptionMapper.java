package dev.chatstream.llm.internal.retry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
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
import java.util.Collection;
import java.util.List;
import okhttp3.Headers;
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

  /**
   * Where providers put their request id: OpenAI's {@code x-request-id}, Azure's
   * {@code apim-request-id}, Anthropic's {@code request-id}, AWS's {@code x-amzn-RequestId} and
   * Mistral's {@code mistral-correlation-id}.
   */
  static final List<String> REQUEST_ID_HEADERS =
      List.of("x-request-id", "apim-request-id", "request-id", "x-amzn-RequestId", "mistral-correlation-id");

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

  /** The error for an HTTP response whose status is not 2xx, read in the OpenAI shape. Reads (part of) the body. */
  public ApiStatusException fromResponse(Response response) {
    return fromResponse(response, ErrorDialect.DEFAULT);
  }

  /** The error for an HTTP response whose status is not 2xx, its detail read by {@code dialect}. */
  public ApiStatusException fromResponse(Response response, ErrorDialect dialect) {
    int status = response.code();
    String body = redact(readBody(response));
    Duration retryAfter = status == 429 ? RetryAfter.parse(response.headers(), Clock.systemUTC()) : null;
    String detail = detail(response.headers(), body, dialect);
    String message = "HTTP " + status + ": " + (detail != null ? redact(detail) : reason(response));
    return new ApiStatusException(message, status, requestId(response.headers()), body, retryAfter);
  }

  /**
   * The error for a provider error named in a stream, whose status the provider's error table gives
   * (Anthropic's {@code overloaded_error} is 529, Bedrock's {@code throttlingException} 429, ...).
   *
   * @param detail what the provider said went wrong
   * @param status the status of the error, or {@link ApiStatusException#UNKNOWN_STATUS}
   * @param providerRequestId the request id of the response carrying the stream, or null
   * @param body the error as the provider sent it, or null
   */
  public ApiStatusException streamError(String detail, int status, String providerRequestId, String body) {
    return streamError(detail, status, providerRequestId, body, ApiStatusException.isRetryableStatus(status));
  }

  /**
   * The error for a provider error named in a stream, whose retryability the provider's table gives
   * apart from any status (a reply blocked for its content is final).
   */
  public ApiStatusException streamError(
      String detail, int status, String providerRequestId, String body, boolean retryable) {
    String message = "error in the provider stream" + (detail == null || detail.isEmpty() ? "" : ": " + redact(detail));
    return new ApiStatusException(message, status, providerRequestId, redact(body), null, retryable);
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

  /** The provider's request id: the first of {@link #REQUEST_ID_HEADERS} the response has, or null. */
  public static String requestId(Headers headers) {
    for (String name : REQUEST_ID_HEADERS) {
      String id = headers.get(name);
      if (id != null) {
        return id;
      }
    }
    return null;
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

  private static String detail(Headers headers, String body, ErrorDialect dialect) {
    JsonNode root = MissingNode.getInstance();
    if (body != null && !body.isBlank()) {
      try {
        root = Json.mapper().readTree(body);
      } catch (JsonProcessingException e) {
        // not JSON: the dialect may still read the headers
      }
    }
    return dialect.detail(headers, root);
  }
}
