package dev.chatstream.pipeline.internals.errors;

import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the input record whose processing threw to the dead-letter topic, with reason
 * {@code processing_error} and the exception's type and message, and lets the service go on.
 * Configured with {@link #DLQ_TOPIC_CONFIG}, and optionally {@link #COUNTER_CONFIG}.
 */
public final class DeadLetterProcessingHandler implements ProcessingExceptionHandler {
  /** The streams property naming the dead-letter topic. */
  public static final String DLQ_TOPIC_CONFIG = "chatstream.dlq.topic";
  /** The streams property holding the {@link DeadLetterCounter} to count into (an object, not a string). */
  public static final String COUNTER_CONFIG = "chatstream.dlq.counter";
  private static final String REASON = "processing_error";

  private static final Logger LOG = LoggerFactory.getLogger(DeadLetterProcessingHandler.class);
  private String topic;
  private DeadLetterCounter counter = DeadLetterCounter.NONE;

  @Override
  public void configure(Map<String, ?> configs) {
    Object configured = configs.get(DLQ_TOPIC_CONFIG);
    if (configured == null) {
      throw new IllegalArgumentException(DLQ_TOPIC_CONFIG + " must name the dead-letter topic");
    }
    topic = configured.toString();
    if (configs.get(COUNTER_CONFIG) instanceof DeadLetterCounter configuredCounter) {
      counter = configuredCounter;
    }
  }

  @Override
  public Response handleError(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
    String message = exception.getClass().getSimpleName() + ": " + exception.getMessage();
    LOG.error("processing failed at {}-{}@{} in {}; record sent to {}",
        context.topic(), context.partition(), context.offset(), context.processorNodeId(), topic, exception);
    if (context.sourceRawValue() == null) {
      return Response.resume();
    }
    ProducerRecord<byte[], byte[]> deadLetter = new ProducerRecord<>(topic, null, context.sourceRawKey(),
        context.sourceRawValue(), DeadLetterHeaders.of(context.headers(), REASON, message,
            context.topic(), context.partition(), context.offset()));
    counter.deadLetter(REASON);
    return Response.resume(List.of(deadLetter));
  }
}
