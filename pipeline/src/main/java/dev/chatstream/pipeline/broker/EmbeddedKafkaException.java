package dev.chatstream.pipeline.broker;

/** The embedded broker could not start: its port is taken, its data directory unusable, or it failed. */
public final class EmbeddedKafkaException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  EmbeddedKafkaException(String message) {
    super(message);
  }

  EmbeddedKafkaException(String message, Throwable cause) {
    super(message, cause);
  }
}
