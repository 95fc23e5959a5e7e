package dev.chatstream.pipeline.internals.topology;

import dev.chatstream.pipeline.Topic;
import dev.chatstream.pipeline.internals.errors.DeadLetterCounter;
import dev.chatstream.pipeline.internals.errors.DeadLetterHeaders;
import dev.chatstream.pipeline.internals.inbound.Inbound;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * Forwards a rejected input record, with its original bytes and the reason, to the dead-letter sink,
 * and counts it.
 */
final class DeadLetters {
  private final String sink;
  private final DeadLetterCounter counter;

  DeadLetters(Topic<byte[]> dlq, DeadLetterCounter counter) {
    this.sink = dlq.sinkNode();
    this.counter = counter;
  }

  void forward(ProcessorContext<String, Object> context, Record<String, Inbound> record, String reason, String message) {
    forwardRaw(context, record.key(), record.value().raw(), record, reason, message);
  }

  void forwardRaw(ProcessorContext<String, Object> context, String key, byte[] raw, Record<?, ?> record,
      String reason, String message) {
    RecordMetadata source = context.recordMetadata().orElseThrow();
    Record<String, Object> deadLetter = new Record<>(key, (Object) raw, record.timestamp(),
        DeadLetterHeaders.of(record.headers(), reason, message, source.topic(), source.partition(), source.offset()));
    context.forward(deadLetter, sink);
    counter.deadLetter(reason);
  }
}
