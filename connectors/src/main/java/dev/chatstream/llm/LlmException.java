package dev.chatstream.llm;

import java.time.Duration;

/**
 * The unchecked base of every provider error: an attempt failed, or a generation failed for good.
 * Subclasses say what failed ({@link ApiStatusException}, {@link ApiConnectionException},
 * {@link ApiTimeoutException}); a plain {@code LlmException} is any other failure, such as a
 * malformed stream. Messages never contain credentials.
 */
public class LlmException extends RuntimeException {

  private final boolean retryable;

  /**
   * An error of kind {@link ErrorKind#OTHER}.
   *
   * @param message a readable description
   * @param retryable whether another attempt could succeed
   * @param cause the underlying failure, or null
   */
  public LlmException(String message, boolean retryable, Throwable cause) {
    super(message, cause);
    this.retryable = retryable;
  }

  /** What failed. */
  public ErrorKind kind() {
    return ErrorKind.OTHER;
  }

  /** Whether another attempt could succeed. */
  public boolean retryable() {
    return retryable;
  }

  /** The HTTP status, or null when there is none. */
  public Integer status() {
    return null;
  }

  /** The provider's request id, or null when unknown. */
  public String providerRequestId() {
    return null;
  }

  /** The error body the provider sent, or null. */
  public String body() {
    return null;
  }

  /** How long the provider asked callers to wait before trying again ({@code Retry-After}), or null. */
  public Duration retryAfter() {
    return null;
  }

  /**
   * The error event for this failure.
   *
   * @param timestamp seconds since the epoch
   * @param label the provider label
   * @param retryableNow whether another attempt could succeed (false once a response chunk was sent)
   * @param recoverable true when another attempt follows
   */
  public LlmError toError(double timestamp, String label, boolean retryableNow, boolean recoverable) {
    return new LlmError(timestamp, label, kind(), getMessage(), status(), providerRequestId(), body(), retryableNow,
        recoverable, retryAfter());
  }
}
