package dev.chatstream.pipeline.internals.tracing;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/** The W3C trace-context header of Kafka records, as chatstream reads and writes it. */
public final class TraceHeaders {
  /** The header's name, as in HTTP. */
  public static final String TRACEPARENT = "traceparent";

  private TraceHeaders() {}

  /** The record's {@code traceparent}, or null when it has none. */
  public static String traceparent(Headers headers) {
    Header header = headers.lastHeader(TRACEPARENT);
    return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.US_ASCII);
  }
}
