package dev.chatstream.llm;

import java.time.Duration;

/**
 * The provider answered with an HTTP error status, or sent an error object inside the stream.
 * Retryable unless the status is a 4xx other than 408, 429 and 499.
 */
public class ApiStatusException extends LlmException {

  /** The status used when the provider gave none (an error object in the stream without a code). */
  public static final int UNKNOWN_STATUS = -1;

  private final int status;
  private final String providerRequestId;
  private final String body;
  private final Duration retryAfter;

  /**
   * An error whose retryability follows from its status.
   *
   * @param message a readable description
   * @param status the HTTP status, or {@link #UNKNOWN_STATUS}
   * @param providerRequestId the provider's request id, or null
   * @param body the error body, or null
   * @param retryAfter how long the provider asked to wait before retrying, or null
   */
  public ApiStatusException(String message, int status, String providerRequestId, String body, Duration retryAfter) {
    this(message, status, providerRequestId, body, retryAfter, isRetryableStatus(status));
  }

  /**
   * An error with explicit retryability.
   *
   * @param message a readable description
   * @param status the HTTP status, or {@link #UNKNOWN_STATUS}
   * @param providerRequestId the provider's request id, or null
   * @param body the error body, or null
   * @param retryAfter how long the provider asked to wait before retrying, or null
   * @param retryable whether another attempt could succeed
   */
  public ApiStatusException(
      String message, int status, String providerRequestId, String body, Duration retryAfter, boolean retryable) {
    super(message, retryable, null);
    this.status = status;
    this.providerRequestId = providerRequestId;
    this.body = body;
    this.retryAfter = retryAfter;
  }

  /** False for a 4xx status other than 408 (timeout), 429 (rate limit) and 499 (client closed). */
  public static boolean isRetryableStatus(int status) {
    return status < 400 || status >= 500 || status == 408 || status == 429 || status == 499;
  }

  @Override
  public ErrorKind kind() {
    return ErrorKind.STATUS;
  }

  /** The HTTP status, or null when the provider gave none. */
  @Override
  public Integer status() {
    return status == UNKNOWN_STATUS ? null : status;
  }

  @Override
  public String providerRequestId() {
    return providerRequestId;
  }

  @Override
  public String body() {
    return body;
  }

  /** How long the provider asked to wait before retrying ({@code Retry-After}), or null. */
  @Override
  public Duration retryAfter() {
    return retryAfter;
  }
}
