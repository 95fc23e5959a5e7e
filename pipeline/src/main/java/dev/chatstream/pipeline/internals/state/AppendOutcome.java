package dev.chatstream.pipeline.internals.state;

/** What happened to an item offered to a conversation's state. */
public sealed interface AppendOutcome {

  /** Stored. */
  record Appended() implements AppendOutcome {}

  /** An item with the same id is already in the context; the new one was ignored. */
  record Duplicate() implements AppendOutcome {}

  /** Storing it would cross a limit; nothing changed. */
  record LimitExceeded(String reason) implements AppendOutcome {}

  /** The single {@link Appended} value. */
  AppendOutcome APPENDED = new Appended();
  /** The single {@link Duplicate} value. */
  AppendOutcome DUPLICATE = new Duplicate();
}
