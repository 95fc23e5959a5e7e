package dev.chatstream.llm;

import java.time.Duration;

/**
 * An error event ({@code llm_error}): one failed attempt, or the final failure of a generation.
 * Never contains credentials.
 *
 * @param timestamp seconds since the epoch
 * @param label the provider label
 * @param kind what failed
 * @param message a readable description
 * @param status the HTTP status, or null
 * @param providerRequestId the provider's request id (from its response headers), or null
 * @param body the error body the provider sent, or null
 * @param retryable whether another attempt could succeed
 * @param recoverable true while retries are still in progress; false when the generation failed
 * @param retryAfter how long the provider asked callers to wait ({@code Retry-After}), or null
 */
public record LlmError(
    double timestamp,
    String label,
    ErrorKind kind,
    String message,
    Integer status,
    String providerRequestId,
    String body,
    boolean retryable,
    boolean recoverable,
    Duration retryAfter) {

  /** An error without a {@code Retry-After}. */
  public LlmError(double timestamp, String label, ErrorKind kind, String message, Integer status,
      String providerRequestId, String body, boolean retryable, boolean recoverable) {
    this(timestamp, label, kind, message, status, providerRequestId, body, retryable, recoverable, null);
  }
}
