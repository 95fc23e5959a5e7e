package dev.chatstream.llm.format;

/**
 * A chat context cannot be converted to a provider format: an unknown format name, a malformed or
 * unsupported image, invalid function call arguments, or a context the provider cannot express.
 *
 * <p>The message names the offending item (by id, call id or function name) and never carries image
 * data or URLs, which may hold credentials.
 */
public class ProviderFormatException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** An error with a message. */
  public ProviderFormatException(String message) {
    super(message);
  }

  /** An error with a message and its cause. */
  public ProviderFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
