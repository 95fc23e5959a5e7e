package dev.chatstream.pipeline;

import dev.chatstream.events.AvailabilityChanged;
import dev.chatstream.events.ChatChunk;
import dev.chatstream.events.ConversationEvent;
import dev.chatstream.events.FunctionCallEvent;
import dev.chatstream.events.LLMError;
import dev.chatstream.events.LLMMetrics;
import dev.chatstream.events.ReplyCompleted;
import dev.chatstream.pipeline.config.ChatstreamConfig;
import dev.chatstream.schemas.EventSerdes;
import dev.chatstream.schemas.EventTypes;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * chatstream's topics, each a typed {@link Topic}: the input topic of conversation events
 * ({@code topic.input}) and the output topics under one prefix ({@code topic.output.prefix}). By
 * default both follow {@code topic.prefix}: {@code chatstream.conversations}, {@code chatstream.chunks},
 * ... Generated items go to the input topic, which the log rebuilds every context from.
 */
public final class Topics {
  /** The input topic's short name. */
  public static final String CONVERSATIONS = "conversations";
  /** Chunk events. */
  public static final String CHUNKS = "chunks";
  /** Function-call events. */
  public static final String FUNCTION_CALLS = "function-calls";
  /** Error events. */
  public static final String ERRORS = "errors";
  /** Metrics and availability events. */
  public static final String METRICS = "metrics";
  /** Completed replies. */
  public static final String REPLIES = "replies";
  /** Rejected input records. */
  public static final String DLQ = "dlq";

  /** Every short name, input first. */
  public static final List<String> SHORT_NAMES = List.of(CONVERSATIONS, CHUNKS, FUNCTION_CALLS, ERRORS, METRICS, REPLIES, DLQ);

  private final Topic<ConversationEvent> conversations;
  private final Topic<ChatChunk> chunks;
  private final Topic<FunctionCallEvent> functionCalls;
  private final Topic<LLMError> errors;
  private final Topic<SpecificRecord> metrics;
  private final Topic<ReplyCompleted> replies;
  private final Topic<byte[]> dlq;
  private final Serde<SpecificRecord> anyEvent;

  private Topics(String input, String prefix, Map<String, ?> serdeSettings) {
    conversations = Topic.of(CONVERSATIONS, input, EventSerdes.fromConfig(ConversationEvent.class, serdeSettings));
    chunks = Topic.of(CHUNKS, prefix + CHUNKS, EventSerdes.fromConfig(ChatChunk.class, serdeSettings));
    functionCalls = Topic.of(FUNCTION_CALLS, prefix + FUNCTION_CALLS,
        EventSerdes.fromConfig(FunctionCallEvent.class, serdeSettings));
    errors = Topic.of(ERRORS, prefix + ERRORS, EventSerdes.fromConfig(LLMError.class, serdeSettings));
    metrics = Topic.of(METRICS, prefix + METRICS,
        EventSerdes.fromConfig(List.of(LLMMetrics.class, AvailabilityChanged.class), serdeSettings));
    replies = Topic.of(REPLIES, prefix + REPLIES, EventSerdes.fromConfig(ReplyCompleted.class, serdeSettings));
    dlq = Topic.of(DLQ, prefix + DLQ, Serdes.ByteArray());
    anyEvent = EventSerdes.fromConfig(EventTypes.all(), serdeSettings);
  }

  /** The topics of {@code config}: its input topic, output prefix and serde. */
  public static Topics of(ChatstreamConfig config) {
    return of(config.inputTopic().orElse(config.topicPrefix() + CONVERSATIONS), config.outputTopicPrefix(),
        config.eventSerdeSettings());
  }

  /** The input topic {@code input} and the outputs under {@code outputPrefix}, with this serde configuration. */
  public static Topics of(String input, String outputPrefix, Map<String, ?> serdeSettings) {
    return new Topics(input, outputPrefix, serdeSettings);
  }

  /** Every topic under {@code prefix}, with the default serde (Avro single-object encoding). */
  public static Topics withPrefix(String prefix) {
    return new Topics(prefix + CONVERSATIONS, prefix, Map.of());
  }

  /** {@code <prefix>conversations}: every item and request, keyed by conversation id. */
  public Topic<ConversationEvent> conversations() {
    return conversations;
  }

  /** {@code <prefix>chunks}. */
  public Topic<ChatChunk> chunks() {
    return chunks;
  }

  /** {@code <prefix>function-calls}. */
  public Topic<FunctionCallEvent> functionCalls() {
    return functionCalls;
  }

  /** {@code <prefix>errors}. */
  public Topic<LLMError> errors() {
    return errors;
  }

  /** {@code <prefix>metrics}: {@code LLMMetrics} and {@code AvailabilityChanged}. */
  public Topic<SpecificRecord> metrics() {
    return metrics;
  }

  /** {@code <prefix>replies}. */
  public Topic<ReplyCompleted> replies() {
    return replies;
  }

  /** {@code <prefix>dlq}: rejected input records, unchanged, with the reason in headers. */
  public Topic<byte[]> dlq() {
    return dlq;
  }

  /** The output topics of events, in their usual order: chunks, function-calls, errors, metrics, replies. */
  public List<Topic<? extends SpecificRecord>> events() {
    return List.of(chunks, functionCalls, errors, metrics, replies);
  }

  /** A serde for a value of any chatstream topic but the dead-letter topic, whatever its event type. */
  public Serde<SpecificRecord> anyEvent() {
    return anyEvent;
  }

  /** The output topics: the events' and the dead-letter topic. */
  public List<Topic<?>> outputs() {
    return List.of(chunks, functionCalls, errors, metrics, replies, dlq);
  }

  /** Every topic, input first. */
  public List<Topic<?>> all() {
    return List.of(conversations, chunks, functionCalls, errors, metrics, replies, dlq);
  }

  /** The topic with this short name. */
  public Optional<Topic<?>> byShortName(String shortName) {
    return all().stream().filter(topic -> topic.shortName().equals(shortName)).findFirst();
  }

  /** The full name of the topic with this short name. */
  public String name(String shortName) {
    return byShortName(shortName).map(Topic::name)
        .orElseThrow(() -> new IllegalArgumentException("no chatstream topic '" + shortName + "'"));
  }

  /** Every full topic name, input first. */
  public List<String> names() {
    return all().stream().map(Topic::name).toList();
  }
}
