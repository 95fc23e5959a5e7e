package dev.chatstream.pipeline.internals.topology;

import dev.chatstream.events.ConversationEvent;
import dev.chatstream.llm.AvailabilityChanged;
import dev.chatstream.llm.LlmError;
import dev.chatstream.llm.LlmMetrics;
import dev.chatstream.llm.chat.ChatItem;
import dev.chatstream.llm.chat.ChatMessage;
import dev.chatstream.llm.chat.FunctionCall;
import dev.chatstream.llm.stream.ChatChunk;
import dev.chatstream.llm.stream.CompletionUsage;
import dev.chatstream.pipeline.Topics;
import dev.chatstream.pipeline.internals.generation.ActiveGeneration;
import dev.chatstream.pipeline.internals.generation.GenerationHandle;
import dev.chatstream.pipeline.internals.generation.OutputSink;
import dev.chatstream.pipeline.internals.generation.ReplyRequest;
import dev.chatstream.pipeline.internals.mapping.ItemMapper;
import dev.chatstream.pipeline.internals.mapping.OutputEvents;
import dev.chatstream.pipeline.internals.tracing.TraceHeaders;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Where a chunk becomes a Kafka record: forwards Avro output events to the sink nodes. The records of
 * a traced generation carry its W3C {@code traceparent} header, so a consumer continues the trace.
 */
public final class AvroOutputSink implements OutputSink {
  private final ProcessorContext<String, Object> context;
  private final Topics topics;
  private final String applicationId;
  private final String reprocessRunId;

  private AvroOutputSink(ProcessorContext<String, Object> context, Topics topics, String applicationId,
      String reprocessRunId) {
    this.context = context;
    this.topics = topics;
    this.applicationId = applicationId;
    this.reprocessRunId = reprocessRunId;
  }

  /** Sinks for the tasks of application {@code applicationId}, writing {@code topics}. */
  public static ConversationProcessor.OutputSinkFactory factory(Topics topics, String applicationId) {
    return context -> new AvroOutputSink(context, topics, applicationId, null);
  }

  /** The sink of one task of reprocessing run {@code runId}: every record it writes is marked as reprocess output. */
  public static OutputSink forReprocess(ProcessorContext<String, Object> context, Topics topics, String applicationId,
      String runId) {
    return new AvroOutputSink(context, topics, applicationId, runId);
  }

  @Override
  public void chunk(ActiveGeneration generation, ChatChunk chunk) {
    forward(generation, topics.chunks().sinkNode(), events(generation).chunk(chunk));
  }

  @Override
  public void functionCall(ActiveGeneration generation, FunctionCall call) {
    forward(generation, topics.functionCalls().sinkNode(), events(generation).functionCall(call));
  }

  @Override
  public void error(ActiveGeneration generation, LlmError error) {
    forward(generation, topics.errors().sinkNode(), events(generation).error(error));
  }

  @Override
  public void requestError(String conversationId, ReplyRequest request, LlmError error) {
    forward(conversationId, topics.errors().sinkNode(), outside(conversationId, request).error(error));
  }

  @Override
  public void availability(ActiveGeneration generation, AvailabilityChanged change) {
    forward(generation, topics.metrics().sinkNode(), events(generation).availability(change));
  }

  @Override
  public void availabilityAfterEnd(GenerationHandle handle, AvailabilityChanged change) {
    forward(handle.conversationId(), topics.metrics().sinkNode(),
        outside(handle.conversationId(), handle.requestId(), Map.of()).availability(change));
  }

  @Override
  public void metrics(ActiveGeneration generation, LlmMetrics metrics) {
    forward(generation, topics.metrics().sinkNode(), events(generation).metrics(metrics));
  }

  @Override
  public void replyCompleted(ActiveGeneration generation, ChatMessage message, List<FunctionCall> calls,
      CompletionUsage usage, String finishReason, boolean cancelled) {
    forward(generation, topics.replies().sinkNode(),
        events(generation).replyCompleted(message, calls, usage, finishReason, cancelled));
  }

  @Override
  public void cancelledBeforeStart(String conversationId, ReplyRequest request) {
    forward(conversationId, topics.replies().sinkNode(),
        outside(conversationId, request).replyCompleted(null, List.of(), null, "cancelled", true));
  }

  @Override
  public void generatedItem(String conversationId, ChatItem item) {
    ConversationEvent event = ConversationEvent.newBuilder()
        .setEventId(UUID.randomUUID().toString())
        .setConversationId(conversationId)
        .setProducedAt(Instant.now())
        .setPayload(ItemMapper.toAvro(item))
        .build();
    context.forward(new Record<String, Object>(conversationId, event, System.currentTimeMillis(),
        Origin.mark(headers(), applicationId)), topics.conversations().sinkNode());
  }

  private OutputEvents events(ActiveGeneration generation) {
    return new OutputEvents(generation.handle().conversationId(), generation.handle().requestId(),
        generation.handle().attempt(), generation.nextSequence(), generation.request().metadata(), applicationId);
  }

  private OutputEvents outside(String conversationId, ReplyRequest request) {
    return outside(conversationId, request == null ? "" : request.requestId(),
        request == null ? Map.of() : request.metadata());
  }

  /** Events about a request outside any running attempt: attempt 0, sequence 0. */
  private OutputEvents outside(String conversationId, String requestId, Map<String, String> metadata) {
    return new OutputEvents(conversationId, requestId, 0, 0, metadata, applicationId);
  }

  private void forward(ActiveGeneration generation, String sink, Object value) {
    Headers headers = headers();
    byte[] traceparent = generation.traceparent();
    if (traceparent != null) {
      headers.add(TraceHeaders.TRACEPARENT, traceparent);
    }
    context.forward(new Record<>(generation.handle().conversationId(), value, System.currentTimeMillis(), headers),
        sink);
  }

  private void forward(String conversationId, String sink, Object value) {
    context.forward(new Record<>(conversationId, value, System.currentTimeMillis(), headers()), sink);
  }

  private Headers headers() {
    Headers headers = new RecordHeaders();
    return reprocessRunId == null ? headers : Origin.markReprocess(headers, reprocessRunId);
  }
}
