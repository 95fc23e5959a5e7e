package dev.chatstream.pipeline.reprocess;

/** Hears how a reprocessing run goes: its phases, then one call per request that got its result. */
public interface ReprocessProgress {
  /** Hears nothing. */
  ReprocessProgress NONE = new ReprocessProgress() {};

  /** A phase began ({@code surveying the log}, ...). */
  default void phase(String description) {}

  /** Replaying begins: {@code total} requests (on a resumed run, the results it already has are read back first). */
  default void replaying(int total) {}

  /** A request got its result. */
  default void result(String conversationId, String requestId, boolean failed) {}

  /** The run ended. */
  default void finished() {}
}
