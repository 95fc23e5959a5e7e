package dev.chatstream.pipeline.internals.topology;

import dev.chatstream.events.ConversationEvent;
import dev.chatstream.pipeline.Topic;
import dev.chatstream.pipeline.internals.errors.DeadLetterCounter;
import dev.chatstream.pipeline.internals.inbound.Command;
import dev.chatstream.pipeline.internals.inbound.CommandMapper;
import dev.chatstream.pipeline.internals.inbound.Inbound;
import dev.chatstream.pipeline.internals.inbound.InvalidEventException;
import dev.chatstream.schemas.EventDecodingException;
import java.util.Locale;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * Where input bytes become commands. A record that is empty, oversized, undecodable or invalid goes
 * to the dead-letter sink with its original bytes and the reason; every other one goes on to the
 * conversation processor. Items this application generated itself, and anything a reprocessing run
 * wrote (both marked by {@link Origin}), are skipped before decoding: the state holds the former
 * already, and the latter never changes a conversation.
 */
final class EventDecoder implements Processor<String, byte[], String, Object> {
  private final Deserializer<ConversationEvent> deserializer;
  private final CommandMapper commands;
  private final int maxEventBytes;
  private final String applicationId;
  private final DeadLetters deadLetters;
  private final RecordFilter filter;
  private ProcessorContext<String, Object> context;

  EventDecoder(Deserializer<ConversationEvent> deserializer, CommandMapper commands, int maxEventBytes,
      String applicationId, Topic<byte[]> dlq, DeadLetterCounter deadLetterCounter, RecordFilter filter) {
    this.deserializer = deserializer;
    this.commands = commands;
    this.maxEventBytes = maxEventBytes;
    this.applicationId = applicationId;
    this.deadLetters = new DeadLetters(dlq, deadLetterCounter);
    this.filter = filter;
  }

  @Override
  public void init(ProcessorContext<String, Object> processorContext) {
    this.context = processorContext;
  }

  @Override
  public void process(Record<String, byte[]> record) {
    RecordMetadata source = context.recordMetadata().orElseThrow();
    if (!filter.admits(record.key(), source.partition(), source.offset())) {
      return;
    }
    byte[] raw = record.value();
    if (raw == null) {
      reject(record, "empty_value", "the record has no value");
      return;
    }
    if (raw.length > maxEventBytes) {
      reject(record, "oversized", "the event is " + raw.length + " bytes; the limit (event.max.bytes) is " + maxEventBytes);
      return;
    }
    if (Origin.isFrom(record.headers(), applicationId) || Origin.isReprocessOutput(record.headers())) {
      return;
    }
    ConversationEvent event;
    try {
      event = deserializer.deserialize(source.topic(), record.headers(), raw);
    } catch (EventDecodingException e) {
      reject(record, e.reason().name().toLowerCase(Locale.ROOT), e.getMessage());
      return;
    } catch (SerializationException e) {
      reject(record, "malformed", e.getMessage());
      return;
    }
    Command command;
    try {
      command = commands.toCommand(record.key(), event, raw);
    } catch (InvalidEventException e) {
      reject(record, e.reason(), e.getMessage());
      return;
    }
    context.forward(record.withValue((Object) new Inbound(command, raw)), ChatstreamTopology.PROCESSOR);
  }

  private void reject(Record<String, byte[]> record, String reason, String message) {
    deadLetters.forwardRaw(context, record.key(), record.value(), record, reason, message);
  }
}
