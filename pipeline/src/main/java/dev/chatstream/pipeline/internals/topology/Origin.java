package dev.chatstream.pipeline.internals.topology;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * The header that marks items a pipeline generated and appended to the input topic. The pipeline
 * that wrote them has already applied them and skips them when they come back; any other
 * application reading the log (a reprocessing run) applies them like any item.
 */
public final class Origin {
  /** The header's name; its value is the writing application's id. */
  public static final String HEADER = "chatstream.origin";

  private Origin() {}

  /** True when the record was written by application {@code applicationId}. */
  public static boolean isFrom(Headers headers, String applicationId) {
    Header header = headers.lastHeader(HEADER);
    return header != null && applicationId.equals(new String(header.value(), StandardCharsets.UTF_8));
  }

  /** Marks {@code headers} as written by {@code applicationId}. */
  public static Headers mark(Headers headers, String applicationId) {
    return headers.add(HEADER, applicationId.getBytes(StandardCharsets.UTF_8));
  }
}
