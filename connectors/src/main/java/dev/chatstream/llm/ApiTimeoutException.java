package dev.chatstream.llm;

/** Connecting to the provider or reading its stream took longer than the attempt timeout. */
public class ApiTimeoutException extends ApiConnectionException {

  /**
   * A timeout.
   *
   * @param message a readable description
   * @param retryable whether another attempt could succeed
   * @param cause the transport failure, or null
   */
  public ApiTimeoutException(String message, boolean retryable, Throwable cause) {
    super(message, retryable, cause);
  }

  @Override
  public ErrorKind kind() {
    return ErrorKind.TIMEOUT;
  }
}
