package dev.chatstream.pipeline.internals.inbound;

/**
 * An input record that decodes but cannot be acted on. Its {@link #reason()} is a short code that
 * goes into the dead-letter record's headers with the message.
 */
public final class InvalidEventException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String reason;

  /**
   * @param reason a short code, such as {@code unknown_llm_profile}
   * @param message what is wrong, for a person
   */
  public InvalidEventException(String reason, String message) {
    super(message);
    this.reason = reason;
  }

  /** A short code naming what is wrong. */
  public String reason() {
    return reason;
  }
}
