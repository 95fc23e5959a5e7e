package dev.chatstream.llm;

/** The connection to the provider failed, dropped, or carried something that is not the expected stream. */
public class ApiConnectionException extends LlmException {

  /**
   * A connection error.
   *
   * @param message a readable description
   * @param retryable whether another attempt could succeed
   * @param cause the transport failure, or null
   */
  public ApiConnectionException(String message, boolean retryable, Throwable cause) {
    super(message, retryable, cause);
  }

  @Override
  public ErrorKind kind() {
    return ErrorKind.CONNECTION;
  }
}
