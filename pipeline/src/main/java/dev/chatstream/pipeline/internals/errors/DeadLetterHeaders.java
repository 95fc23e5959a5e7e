package dev.chatstream.pipeline.internals.errors;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * The headers a dead-letter record carries beside the original record's own: why it was rejected
 * and where it came from. The value is always the original bytes.
 */
public final class DeadLetterHeaders {
  /** A short code: {@code malformed}, {@code unknown_schema}, {@code oversized}, {@code invalid_event}, ... */
  public static final String REASON = "chatstream.dlq.reason";
  /** What is wrong, for a person. */
  public static final String MESSAGE = "chatstream.dlq.message";
  /** The topic the record was read from. */
  public static final String SOURCE_TOPIC = "chatstream.dlq.source.topic";
  /** The partition it was read from. */
  public static final String SOURCE_PARTITION = "chatstream.dlq.source.partition";
  /** Its offset there. */
  public static final String SOURCE_OFFSET = "chatstream.dlq.source.offset";

  private static final int MAX_MESSAGE_CHARS = 2000;

  private DeadLetterHeaders() {}

  /** A copy of {@code original} with the dead-letter headers added. */
  public static Headers of(Headers original, String reason, String message, String topic, int partition, long offset) {
    Headers headers = new RecordHeaders(original == null ? new RecordHeaders().toArray() : original.toArray());
    headers.remove(REASON).remove(MESSAGE).remove(SOURCE_TOPIC).remove(SOURCE_PARTITION).remove(SOURCE_OFFSET);
    headers.add(REASON, utf8(reason));
    headers.add(MESSAGE, utf8(truncate(message)));
    headers.add(SOURCE_TOPIC, utf8(topic));
    headers.add(SOURCE_PARTITION, utf8(Integer.toString(partition)));
    headers.add(SOURCE_OFFSET, utf8(Long.toString(offset)));
    return headers;
  }

  /** The value of header {@code name} as text, or null. */
  public static String read(Headers headers, String name) {
    var header = headers.lastHeader(name);
    return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }

  private static byte[] utf8(String value) {
    return (value == null ? "" : value).getBytes(StandardCharsets.UTF_8);
  }

  private static String truncate(String message) {
    if (message == null) {
      return "";
    }
    return message.length() <= MAX_MESSAGE_CHARS ? message : message.substring(0, MAX_MESSAGE_CHARS) + "...";
  }
}
