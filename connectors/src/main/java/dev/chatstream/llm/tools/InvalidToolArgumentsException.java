package dev.chatstream.llm.tools;

/**
 * The arguments a model sent for a function call are not a JSON object. The message names the
 * function and what is wrong, with at most the start of the arguments.
 */
public final class InvalidToolArgumentsException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String functionName;

  /** An error for {@code functionName} with a message that names it. */
  public InvalidToolArgumentsException(String functionName, String message, Throwable cause) {
    super(message, cause);
    this.functionName = functionName;
  }

  /** The function whose arguments were invalid. */
  public String functionName() {
    return functionName;
  }
}
