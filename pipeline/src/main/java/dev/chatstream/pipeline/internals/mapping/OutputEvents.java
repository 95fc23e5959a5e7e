package dev.chatstream.pipeline.internals.mapping;

import dev.chatstream.events.AvailabilityChanged;
import dev.chatstream.events.ChatChunk;
import dev.chatstream.events.FunctionCallEvent;
import dev.chatstream.events.LLMError;
import dev.chatstream.events.LLMMetrics;
import dev.chatstream.events.ReplyCompleted;
import dev.chatstream.events.error.ErrorDetail;
import dev.chatstream.events.error.ErrorKind;
import dev.chatstream.events.item.ChatRole;
import dev.chatstream.events.metrics.ModelMetadata;
import dev.chatstream.events.stream.ChoiceDelta;
import dev.chatstream.events.stream.CompletionUsage;
import dev.chatstream.events.stream.FunctionToolCall;
import dev.chatstream.llm.LlmError;
import dev.chatstream.llm.LlmMetrics;
import dev.chatstream.llm.chat.ChatMessage;
import dev.chatstream.llm.chat.FunctionCall;
import dev.chatstream.pipeline.internals.json.JsonValues;
import dev.chatstream.schemas.EventTypes;
import java.util.List;
import java.util.Map;

/**
 * Builds the Avro output events from the connector model, with the generated classes' all-field
 * constructors (a builder per event would fill in defaults and check every field again: every field is
 * set here, and the serializer checks what it writes). Every event carries where it belongs: the
 * conversation, the request, the attempt, its sequence within the attempt, and the request metadata.
 *
 * @param conversationId the conversation
 * @param requestId the request ({@code ""} for events about no request)
 * @param attempt the attempt (0 before any started)
 * @param sequence the event's position among the attempt's events
 * @param metadata the request's metadata
 * @param applicationId the application that writes the event
 */
public record OutputEvents(String conversationId, String requestId, int attempt, long sequence,
    Map<String, String> metadata, String applicationId) {
  private static final String FUNCTION = "function";

  static {
    EventTypes.trustGeneratedClasses();
  }


  /** A chunk event. */
  public ChatChunk chunk(dev.chatstream.llm.stream.ChatChunk chunk) {
    return new ChatChunk(conversationId, requestId, attempt, sequence, metadata, applicationId, chunk.id(),
        chunk.delta() == null ? null : delta(chunk.delta()), chunk.usage() == null ? null : usage(chunk.usage()));
  }

  /** A function-call event. */
  public FunctionCallEvent functionCall(FunctionCall call) {
    return new FunctionCallEvent(conversationId, requestId, attempt, sequence, metadata, applicationId,
        ItemMapper.toAvro(call), call.group());
  }

  /** An error event. */
  public LLMError error(LlmError error) {
    return new LLMError(conversationId, requestId, attempt, sequence, metadata, applicationId, error.timestamp(),
        error.label(), errorDetail(error), error.retryable(), error.recoverable());
  }

  /** A metrics event. */
  public LLMMetrics metrics(LlmMetrics metrics) {
    ModelMetadata model = new ModelMetadata(metrics.modelName() == null ? "" : metrics.modelName(),
        metrics.modelProvider() == null ? "" : metrics.modelProvider());
    return new LLMMetrics(conversationId, requestId, attempt, sequence, metadata, applicationId, metrics.label(),
        metrics.timestamp(), metrics.durationSeconds(), metrics.ttftSeconds(), metrics.cancelled(),
        metrics.completionTokens(), metrics.promptTokens(), metrics.promptCachedTokens(), metrics.cacheCreationTokens(),
        metrics.totalTokens(), metrics.tokensPerSecond(), model);
  }

  /** An availability event. */
  public AvailabilityChanged availability(dev.chatstream.llm.AvailabilityChanged change) {
    return new AvailabilityChanged(conversationId, requestId, attempt, sequence, metadata, applicationId, change.llm(),
        change.available(), change.timestamp());
  }

  /** A completed-reply event. */
  public ReplyCompleted replyCompleted(ChatMessage message, List<FunctionCall> calls,
      dev.chatstream.llm.stream.CompletionUsage usage, String finishReason, boolean cancelled) {
    return new ReplyCompleted(conversationId, requestId, attempt, sequence, metadata, applicationId,
        message == null ? null : ItemMapper.toAvro(message), calls.stream().map(ItemMapper::toAvro).toList(),
        usage == null ? null : usage(usage), finishReason, cancelled);
  }

  private static ChoiceDelta delta(dev.chatstream.llm.stream.ChoiceDelta delta) {
    List<FunctionToolCall> calls = delta.toolCalls().isEmpty() ? List.of()
        : delta.toolCalls().stream().map(OutputEvents::toolCall).toList();
    return new ChoiceDelta(delta.role() == null ? null : ChatRole.valueOf(delta.role().wireName()), delta.content(),
        calls, JsonValues.encode(delta.extra()));
  }

  private static FunctionToolCall toolCall(dev.chatstream.llm.stream.FunctionToolCall call) {
    return new FunctionToolCall(FUNCTION, call.name(), call.arguments(), call.callId(), JsonValues.encode(call.extra()));
  }

  /** The event form of an error's detail. */
  public static ErrorDetail errorDetail(LlmError error) {
    return new ErrorDetail(ErrorKind.valueOf(error.kind().name()), error.message(), error.status(),
        error.providerRequestId(), error.body());
  }

  /** The event form of token counts. */
  public static CompletionUsage usage(dev.chatstream.llm.stream.CompletionUsage usage) {
    return new CompletionUsage(usage.completionTokens(), usage.promptTokens(), usage.promptCachedTokens(),
        usage.cacheCreationTokens(), usage.cacheReadTokens(), usage.totalTokens(), usage.serviceTier());
  }
}
