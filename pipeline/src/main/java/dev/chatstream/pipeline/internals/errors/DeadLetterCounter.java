package dev.chatstream.pipeline.internals.errors;

/** Counts the records sent to the dead-letter topic, by reason. */
@FunctionalInterface
public interface DeadLetterCounter {
  /** Counts nothing. */
  DeadLetterCounter NONE = reason -> {};

  /** One record went to the dead-letter topic because of {@code reason}. */
  void deadLetter(String reason);
}
