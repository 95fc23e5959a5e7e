package dev.chatstream.pipeline.client;

import dev.chatstream.events.ConversationEvent;
import dev.chatstream.pipeline.Topics;
import dev.chatstream.pipeline.internals.tracing.SendSpans;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Writes conversation events to the conversations topic, keyed by conversation id. Built with an
 * {@link OpenTelemetry}, it traces each send (a {@code send {topic}} PRODUCER span, a child of the
 * caller's current context) and puts the span's W3C {@code traceparent} in the record's headers, so
 * the generation a request starts continues the caller's trace.
 */
public final class ConversationProducer implements AutoCloseable {
  private final KafkaProducer<String, byte[]> producer;
  private final Serializer<ConversationEvent> serializer;
  private final String topic;
  private final SendSpans spans;

  /**
   * A producer that sets no trace context.
   *
   * @param clientProperties bootstrap servers and client settings
   * @param topics the topics, whose input topic and its serde this writes with
   */
  public ConversationProducer(Properties clientProperties, Topics topics) {
    this(clientProperties, topics, (SendSpans) null);
  }

  /**
   * A producer whose sends are traced with {@code openTelemetry}.
   *
   * @param clientProperties bootstrap servers and client settings
   * @param topics the topics, whose input topic and its serde this writes with
   * @param openTelemetry where the send spans go, and whose current context is their parent
   */
  public ConversationProducer(Properties clientProperties, Topics topics, OpenTelemetry openTelemetry) {
    this(clientProperties, topics, new SendSpans(openTelemetry));
  }

  private ConversationProducer(Properties clientProperties, Topics topics, SendSpans spans) {
    this.spans = spans;
    Properties props = new Properties();
    props.putAll(clientProperties);
    props.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 0);
    props.putIfAbsent(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    props.putIfAbsent(ProducerConfig.ACKS_CONFIG, "all");
    this.producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
    this.serializer = topics.conversations().valueSerde().serializer();
    this.topic = topics.conversations().name();
  }

  /** Sends {@code event} without waiting. */
  public Future<RecordMetadata> send(ConversationEvent event) {
    byte[] value = serializer.serialize(topic, event);
    ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, event.getConversationId(), value);
    if (spans == null) {
      return producer.send(record);
    }
    Span span = spans.start(topic, event.getConversationId(), record.headers());
    return producer.send(record, (metadata, exception) -> spans.end(span, metadata, exception));
  }

  /** Sends {@code event} and waits until the broker has it. */
  public RecordMetadata sendAndWait(ConversationEvent event) {
    try {
      return send(event).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while sending", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("sending failed: " + e.getCause().getMessage(), e.getCause());
    }
  }

  /** Sends what is buffered and waits. */
  public void flush() {
    producer.flush();
  }

  @Override
  public void close() {
    producer.close(java.time.Duration.ofSeconds(10));
  }

  /** Client settings that never wait to batch. */
  static Map<String, Object> lowLatency() {
    return Map.of(ProducerConfig.LINGER_MS_CONFIG, 0);
  }
}
