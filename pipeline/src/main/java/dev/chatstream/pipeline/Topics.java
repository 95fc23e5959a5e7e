package dev.chatstream.pipeline;

import java.util.List;
import java.util.Objects;

/**
 * The names of chatstream's topics, all under one prefix (default {@code chatstream.}).
 *
 * @param prefix the prefix every topic name starts with
 */
public record Topics(String prefix) {

  /** The input topic's short name. */
  public static final String CONVERSATIONS = "conversations";
  /** Chunk events. */
  public static final String CHUNKS = "chunks";
  /** Function-call events. */
  public static final String FUNCTION_CALLS = "function-calls";
  /** Error events. */
  public static final String ERRORS = "errors";
  /** Metrics and availability events. */
  public static final String METRICS = "metrics";
  /** Completed replies. */
  public static final String REPLIES = "replies";
  /** Rejected input records. */
  public static final String DLQ = "dlq";

  /** Every short name, input first. */
  public static final List<String> SHORT_NAMES = List.of(CONVERSATIONS, CHUNKS, FUNCTION_CALLS, ERRORS, METRICS, REPLIES, DLQ);

  /** Validates. */
  public Topics {
    Objects.requireNonNull(prefix, "topic prefix");
  }

  /** The full name of the topic with this short name. */
  public String name(String shortName) {
    return prefix + shortName;
  }

  /** {@code <prefix>conversations}: every item and request, keyed by conversation id. */
  public String conversations() {
    return name(CONVERSATIONS);
  }

  /** {@code <prefix>chunks}. */
  public String chunks() {
    return name(CHUNKS);
  }

  /** {@code <prefix>function-calls}. */
  public String functionCalls() {
    return name(FUNCTION_CALLS);
  }

  /** {@code <prefix>errors}. */
  public String errors() {
    return name(ERRORS);
  }

  /** {@code <prefix>metrics}. */
  public String metrics() {
    return name(METRICS);
  }

  /** {@code <prefix>replies}. */
  public String replies() {
    return name(REPLIES);
  }

  /** {@code <prefix>dlq}. */
  public String dlq() {
    return name(DLQ);
  }

  /** Every full topic name, input first. */
  public List<String> all() {
    return SHORT_NAMES.stream().map(this::name).toList();
  }
}
