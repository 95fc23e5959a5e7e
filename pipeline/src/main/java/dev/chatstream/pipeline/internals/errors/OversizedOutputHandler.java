package dev.chatstream.pipeline.internals.errors;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the service running when an output record is larger than the broker accepts: the record is
 * logged (topic, size, key) and skipped. Any other production error stops the task, as by default.
 */
public final class OversizedOutputHandler implements ProductionExceptionHandler {
  private static final Logger LOG = LoggerFactory.getLogger(OversizedOutputHandler.class);

  @Override
  public void configure(java.util.Map<String, ?> configs) {}

  @Override
  public Response handleError(ErrorHandlerContext context, ProducerRecord<byte[], byte[]> record, Exception exception) {
    if (exception instanceof RecordTooLargeException) {
      LOG.error("output record to {} ({} bytes, key {}) is larger than the broker accepts and was skipped: {}",
          record.topic(), record.value() == null ? 0 : record.value().length, keyOf(record), exception.getMessage());
      return Response.resume();
    }
    return Response.fail();
  }

  private static String keyOf(ProducerRecord<byte[], byte[]> record) {
    return record.key() == null ? "null" : new String(record.key(), java.nio.charset.StandardCharsets.UTF_8);
  }
}
