package dev.chatstream.schemas;

import org.apache.kafka.common.errors.SerializationException;

/**
 * A record value that is not a valid payload of the expected event type. The pipeline routes such a
 * record to the dead-letter topic with {@link #reason()} and the message in its headers. The message
 * says what was wrong and never contains the payload.
 */
public final class EventDecodingException extends SerializationException {

  /** Why a payload could not be decoded. */
  public enum Reason {
    /** Not Avro single-object encoding, truncated, or a body that does not match its schema. */
    MALFORMED,
    /** A well-formed header whose schema fingerprint no known schema has. */
    UNKNOWN_SCHEMA,
    /** A payload of another event type than the ones this serde reads. */
    WRONG_TYPE
  }

  private final Reason reason;

  /**
   * An error without an underlying cause.
   *
   * @param reason why decoding failed
   * @param message what was wrong, without the payload
   */
  public EventDecodingException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  /**
   * An error caused by another exception.
   *
   * @param reason why decoding failed
   * @param message what was wrong, without the payload
   * @param cause the failure of the underlying decoder
   */
  public EventDecodingException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  /** Why decoding failed. */
  public Reason reason() {
    return reason;
  }
}
