package dev.chatstream.pipeline.client;

import java.util.Map;
import org.apache.avro.specific.SpecificRecord;

/**
 * One record read from an output topic: a decoded event, or (from the dead-letter topic) the
 * original bytes with the rejection headers.
 *
 * @param topic the topic it was read from
 * @param partition its partition
 * @param offset its offset
 * @param key the conversation id
 * @param event the decoded event, or null for a dead letter
 * @param raw the record value as stored
 * @param headers the record headers, as text
 */
public record OutputRecord(
    String topic, int partition, long offset, String key, SpecificRecord event, byte[] raw, Map<String, String> headers) {

  /** True for a record of the dead-letter topic. */
  public boolean isDeadLetter() {
    return event == null;
  }
}
