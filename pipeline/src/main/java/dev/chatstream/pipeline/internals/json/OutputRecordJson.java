package dev.chatstream.pipeline.internals.json;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chatstream.pipeline.client.OutputRecord;
import dev.chatstream.pipeline.internals.errors.DeadLetterHeaders;
import java.util.Base64;

/** One output record as the JSON line {@code chatstream consume} prints: where it was read, then the event. */
public final class OutputRecordJson {
  private OutputRecordJson() {}

  /** The line of {@code record}: a decoded event's fields, or a dead letter's reason and original bytes. */
  public static ObjectNode toJson(OutputRecord record) {
    ObjectNode line = JsonNodeFactory.instance.objectNode();
    line.put("topic", record.topic());
    line.put("partition", record.partition());
    line.put("offset", record.offset());
    line.put("key", record.key());
    if (record.event() != null) {
      line.setAll(OutputEventJson.toJson(record.event()));
      return line;
    }
    line.put("type", "DeadLetter");
    line.put("reason", record.headers().get(DeadLetterHeaders.REASON));
    line.put("message", record.headers().get(DeadLetterHeaders.MESSAGE));
    line.put("source_topic", record.headers().get(DeadLetterHeaders.SOURCE_TOPIC));
    line.put("source_partition", record.headers().get(DeadLetterHeaders.SOURCE_PARTITION));
    line.put("source_offset", record.headers().get(DeadLetterHeaders.SOURCE_OFFSET));
    line.put("value_base64", record.raw() == null ? null : Base64.getEncoder().encodeToString(record.raw()));
    return line;
  }
}
