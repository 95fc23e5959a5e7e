package dev.chatstream.pipeline.internals.topology;

/** The names of the topology's sink nodes, one per output topic. */
public final class SinkNodes {
  /** Chunk events. */
  public static final String CHUNKS = "chunks-sink";
  /** Function-call events. */
  public static final String FUNCTION_CALLS = "function-calls-sink";
  /** Error events. */
  public static final String ERRORS = "errors-sink";
  /** Metrics and availability events. */
  public static final String METRICS = "metrics-sink";
  /** Completed replies. */
  public static final String REPLIES = "replies-sink";
  /** Generated items appended to the input topic. */
  public static final String CONVERSATIONS = "conversations-sink";
  /** Rejected input records. */
  public static final String DLQ = DeadLetters.SINK;

  private SinkNodes() {}
}
