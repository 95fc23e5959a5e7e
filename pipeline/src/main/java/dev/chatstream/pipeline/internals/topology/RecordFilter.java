package dev.chatstream.pipeline.internals.topology;

/**
 * Which input records a topology reads at all. The service reads every record; a reprocessing run only
 * those within its bounds that belong to a conversation it replays.
 */
@FunctionalInterface
public interface RecordFilter {
  /** Every record. */
  RecordFilter ALL = (key, partition, offset) -> true;

  /** True when the record at {@code offset} of {@code partition}, keyed {@code key}, is read. */
  boolean admits(String key, int partition, long offset);
}
