package dev.chatstream.bench;

import java.util.Locale;

/** The phases of a bench run, in the order they run. */
public enum Phase {
  /** Time to first token: the connector alone against the pipeline, at light load. */
  TTFT,
  /** Generations in flight and completed per second against the ideal. */
  CONCURRENCY,
  /** Conversation items into state per second, and chunk events produced per second. */
  INGEST,
  /** The cost of appending an item and of building a request as a conversation grows. */
  GROWTH,
  /** Batch reprocessing of a recorded log: requests and records read per second, CPU per request. */
  REPROCESS;

  /** The name used on the command line and in reports. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
