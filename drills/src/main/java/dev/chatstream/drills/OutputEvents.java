package dev.chatstream.drills;

import dev.chatstream.events.AvailabilityChanged;
import dev.chatstream.events.ChatChunk;
import dev.chatstream.events.FunctionCallEvent;
import dev.chatstream.events.LLMError;
import dev.chatstream.events.LLMMetrics;
import dev.chatstream.events.ReplyCompleted;
import dev.chatstream.events.item.ChatMessage;
import dev.chatstream.events.item.TextContent;
import dev.chatstream.pipeline.Topics;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * The decoded output events of one application (dead letters aside), and what identifies each one to
 * a consumer that drops repeats: {@code (request_id, attempt, sequence)} within its topic.
 */
final class OutputEvents {
  /** One decoded output event, where it was read, and its identity. */
  record Event(String topic, String conversationId, String requestId, int attempt, long sequence, SpecificRecord value) {
    String identity() {
      return topic + "|" + requestId + "|" + attempt + "|" + sequence;
    }
  }

  private final List<Event> events;

  private OutputEvents(List<Event> events) {
    this.events = events;
  }

  /** Reads every output topic of {@code topics} but the dead letters from the beginning to the end. */
  static OutputEvents read(String bootstrapServers, Topics topics) {
    List<String> names = List.of(topics.chunks().name(), topics.functionCalls().name(), topics.errors().name(),
        topics.metrics().name(), topics.replies().name());
    Deserializer<SpecificRecord> decoder = topics.anyEvent().deserializer();
    List<Event> events = new ArrayList<>();
    for (ConsumerRecord<byte[], byte[]> record : TopicReader.readAll(bootstrapServers, names)) {
      SpecificRecord value = decoder.deserialize(record.topic(), record.headers(), record.value());
      events.add(event(record.topic(), value));
    }
    return new OutputEvents(events);
  }

  private static Event event(String topic, SpecificRecord value) {
    return switch (value) {
      case ChatChunk c -> new Event(topic, c.getConversationId(), c.getRequestId(), c.getAttempt(), c.getSequence(), c);
      case ReplyCompleted r -> new Event(topic, r.getConversationId(), r.getRequestId(), r.getAttempt(), r.getSequence(), r);
      case LLMError e -> new Event(topic, e.getConversationId(), e.getRequestId(), e.getAttempt(), e.getSequence(), e);
      case LLMMetrics m -> new Event(topic, m.getConversationId(), m.getRequestId(), m.getAttempt(), m.getSequence(), m);
      case FunctionCallEvent f -> new Event(topic, f.getConversationId(), f.getRequestId(), f.getAttempt(), f.getSequence(), f);
      case AvailabilityChanged a -> new Event(topic, a.getConversationId(), a.getRequestId(), a.getAttempt(), a.getSequence(), a);
      default -> throw new IllegalStateException("unexpected event " + value.getSchema().getFullName());
    };
  }

  List<Event> all() {
    return events;
  }

  <T extends SpecificRecord> List<T> of(Class<T> type) {
    return events.stream().map(Event::value).filter(type::isInstance).map(type::cast).toList();
  }

  /** A message's text parts joined by a newline; "" when it has none. */
  static String text(ChatMessage message) {
    if (message == null) {
      return "";
    }
    return String.join("\n", message.getContent().stream().filter(TextContent.class::isInstance)
        .map(part -> ((TextContent) part).getText()).toList());
  }

  /** The text a chunk adds; "" when none. */
  static String text(ChatChunk chunk) {
    return chunk.getDelta() == null || chunk.getDelta().getContent() == null ? "" : chunk.getDelta().getContent();
  }
}
