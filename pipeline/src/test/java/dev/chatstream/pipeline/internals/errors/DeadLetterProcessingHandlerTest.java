package dev.chatstream.pipeline.internals.errors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.Record;
import org.junit.jupiter.api.Test;

class DeadLetterProcessingHandlerTest {

  private static DeadLetterProcessingHandler handler() {
    DeadLetterProcessingHandler handler = new DeadLetterProcessingHandler();
    handler.configure(Map.of(DeadLetterProcessingHandler.DLQ_TOPIC_CONFIG, "chatstream.dlq"));
    return handler;
  }

  private static ErrorHandlerContext context(byte[] rawValue) {
    Headers headers = new RecordHeaders().add("trace", "t1".getBytes(StandardCharsets.UTF_8));
    return new ErrorHandlerContext() {
      @Override public String topic() { return "chatstream.conversations"; }
      @Override public int partition() { return 3; }
      @Override public long offset() { return 42; }
      @Override public Headers headers() { return headers; }
      @Override public String processorNodeId() { return "conversation-processor"; }
      @Override public TaskId taskId() { return new TaskId(0, 3); }
      @Override public long timestamp() { return 1L; }
      @Override public byte[] sourceRawKey() { return "c1".getBytes(StandardCharsets.UTF_8); }
      @Override public byte[] sourceRawValue() { return rawValue; }
    };
  }

  @Test
  void sendsTheOriginalRecordToTheDeadLetterTopicAndResumes() {
    byte[] raw = {1, 2, 3};
    ProcessingExceptionHandler.Response response = handler().handleError(context(raw),
        new Record<>("c1", "decoded", 1L), new IllegalStateException("store is corrupt"));
    assertEquals(ProcessingExceptionHandler.Result.RESUME, response.result());
    ProducerRecord<byte[], byte[]> letter = response.deadLetterQueueRecords().get(0);
    assertEquals("chatstream.dlq", letter.topic());
    assertArrayEquals(raw, letter.value());
    assertEquals("c1", new String(letter.key(), StandardCharsets.UTF_8));
    assertEquals("processing_error", DeadLetterHeaders.read(letter.headers(), DeadLetterHeaders.REASON));
    assertTrue(DeadLetterHeaders.read(letter.headers(), DeadLetterHeaders.MESSAGE).contains("store is corrupt"));
    assertEquals("42", DeadLetterHeaders.read(letter.headers(), DeadLetterHeaders.SOURCE_OFFSET));
    assertEquals("3", DeadLetterHeaders.read(letter.headers(), DeadLetterHeaders.SOURCE_PARTITION));
    assertEquals("t1", DeadLetterHeaders.read(letter.headers(), "trace"));
  }

  @Test
  void resumesWithoutADeadLetterWhenThereIsNoSourceRecord() {
    ProcessingExceptionHandler.Response response = handler().handleError(context(null), null, new RuntimeException("x"));
    assertEquals(ProcessingExceptionHandler.Result.RESUME, response.result());
    assertTrue(response.deadLetterQueueRecords().isEmpty());
  }

  @Test
  void refusesToStartWithoutADeadLetterTopic() {
    assertThrows(IllegalArgumentException.class, () -> new DeadLetterProcessingHandler().configure(Map.of()));
  }
}
