package dev.chatstream.pipeline.internals.topology;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * The headers that say which chatstream application wrote a record.
 *
 * <ul>
 *   <li>{@value #HEADER}: the writing application's id, on the items a service generated and
 *       appended to its input topic. The service that wrote them has already applied them and skips
 *       them when they come back; any other application reading the log applies them like any item.
 *   <li>{@value #REPROCESS_HEADER}: the run id, on every record a reprocessing run writes. An input
 *       record that carries it is reprocess output that reached an input topic: every service ignores
 *       it, so a replay can never change a live conversation.
 * </ul>
 */
public final class Origin {
  /** The header naming the writing application's id. */
  public static final String HEADER = "chatstream.origin";
  /** The header marking reprocess output; its value is the run id. */
  public static final String REPROCESS_HEADER = "chatstream.reprocess";

  private Origin() {}

  /** True when the record was written by application {@code applicationId}. */
  public static boolean isFrom(Headers headers, String applicationId) {
    Header header = headers.lastHeader(HEADER);
    return header != null && applicationId.equals(new String(header.value(), StandardCharsets.UTF_8));
  }

  /** True when the record is reprocess output. */
  public static boolean isReprocessOutput(Headers headers) {
    return headers.lastHeader(REPROCESS_HEADER) != null;
  }

  /** Marks {@code headers} as written by {@code applicationId}. */
  public static Headers mark(Headers headers, String applicationId) {
    return headers.add(HEADER, applicationId.getBytes(StandardCharsets.UTF_8));
  }

  /** Marks {@code headers} as the output of reprocessing run {@code runId}. */
  public static Headers markReprocess(Headers headers, String runId) {
    return headers.add(REPROCESS_HEADER, runId.getBytes(StandardCharsets.UTF_8));
  }
}
