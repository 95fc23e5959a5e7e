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
 * Builds the Avro output events from the connector model. Every event carries where it belongs: the
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
  static {
    EventTypes.trustGeneratedClasses();
  }


  /** A chunk event. */
  public ChatChunk chunk(dev.chatstream.llm.stream.ChatChunk chunk) {
    return ChatChunk.newBuilder()
        .setConversationId(conversationId).setRequestId(requestId).setAttempt(attempt).setSequence(sequence)
        .setRequestMetadata(metadata).setApplicationId(applicationId)
        .setId(chunk.id())
        .setDelta(chunk.delta() == null ? null : delta(chunk.delta()))
        .setUsage(chunk.usage() == null ? null : usage(chunk.usage()))
        .build();
  }

  /** A function-call event. */
  public FunctionCallEvent functionCall(FunctionCall call) {
    return FunctionCallEvent.newBuilder()
        .setConversationId(conversationId).setRequestId(requestId).setAttempt(attempt).setSequence(sequence)
        .setRequestMetadata(metadata).setApplicationId(applicationId)
        .setFunctionCall(ItemMapper.toAvro(call))
        .setGroup(call.group())
        .build();
  }

  /** An error event. */
  public LLMError error(LlmError error) {
    return LLMError.newBuilder()
        .setConversationId(conversationId).setRequestId(requestId).setAttempt(attempt).setSequence(sequence)
        .setRequestMetadata(metadata).setApplicationId(applicationId)
        .setTimestamp(error.timestamp())
        .setLabel(error.label())
        .setError(errorDetail(error))
        .setRetryable(error.retryable())
        .setRecoverable(error.recoverable())
        .build();
  }

  /** A metrics event. */
  public LLMMetrics metrics(LlmMetrics metrics) {
    return LLMMetrics.newBuilder()
        .setConversationId(conversationId).setRequestId(requestId).setAttempt(attempt).setSequence(sequence)
        .setRequestMetadata(metadata).setApplicationId(applicationId)
        .setLabel(metrics.label())
        .setTimestamp(metrics.timestamp())
        .setDuration(metrics.durationSeconds())
        .setTtft(metrics.ttftSeconds())
        .setCancelled(metrics.cancelled())
        .setCompletionTokens(metrics.completionTokens())
        .setPromptTokens(metrics.promptTokens())
        .setPromptCachedTokens(metrics.promptCachedTokens())
        .setCacheCreationTokens(metrics.cacheCreationTokens())
        .setTotalTokens(metrics.totalTokens())
        .setTokensPerSecond(metrics.tokensPerSecond())
        .setMetadata(ModelMetadata.newBuilder()
            .setModelName(metrics.modelName() == null ? "" : metrics.modelName())
            .setModelProvider(metrics.modelProvider() == null ? "" : metrics.modelProvider())
            .build())
        .build();
  }

  /** An availability event. */
  public AvailabilityChanged availability(dev.chatstream.llm.AvailabilityChanged change) {
    return AvailabilityChanged.newBuilder()
        .setConversationId(conversationId).setRequestId(requestId).setAttempt(attempt).setSequence(sequence)
        .setRequestMetadata(metadata).setApplicationId(applicationId)
        .setLlm(change.llm())
        .setAvailable(change.available())
        .setTimestamp(change.timestamp())
        .build();
  }

  /** A completed-reply event. */
  public ReplyCompleted replyCompleted(ChatMessage message, List<FunctionCall> calls,
      dev.chatstream.llm.stream.CompletionUsage usage, String finishReason, boolean cancelled) {
    return ReplyCompleted.newBuilder()
        .setConversationId(conversationId).setRequestId(requestId).setAttempt(attempt).setSequence(sequence)
        .setRequestMetadata(metadata).setApplicationId(applicationId)
        .setMessage(message == null ? null : ItemMapper.toAvro(message))
        .setFunctionCalls(calls.stream().map(ItemMapper::toAvro).toList())
        .setUsage(usage == null ? null : usage(usage))
        .setFinishReason(finishReason)
        .setCancelled(cancelled)
        .build();
  }

  private static ChoiceDelta delta(dev.chatstream.llm.stream.ChoiceDelta delta) {
    return ChoiceDelta.newBuilder()
        .setRole(delta.role() == null ? null : ChatRole.valueOf(delta.role().wireName()))
        .setContent(delta.content())
        .setToolCalls(delta.toolCalls().stream().map(OutputEvents::toolCall).toList())
        .setExtra(JsonValues.encode(delta.extra()))
        .build();
  }

  private static FunctionToolCall toolCall(dev.chatstream.llm.stream.FunctionToolCall call) {
    return FunctionToolCall.newBuilder()
        .setName(call.name()).setArguments(call.arguments()).setCallId(call.callId())
        .setExtra(JsonValues.encode(call.extra()))
        .build();
  }

  /** The event form of an error's detail. */
  public static ErrorDetail errorDetail(LlmError error) {
    return ErrorDetail.newBuilder()
        .setKind(ErrorKind.valueOf(error.kind().name()))
        .setMessage(error.message())
        .setStatus(error.status())
        .setProviderRequestId(error.providerRequestId())
        .setBody(error.body())
        .build();
  }

  /** The event form of token counts. */
  public static CompletionUsage usage(dev.chatstream.llm.stream.CompletionUsage usage) {
    return CompletionUsage.newBuilder()
        .setCompletionTokens(usage.completionTokens())
        .setPromptTokens(usage.promptTokens())
        .setPromptCachedTokens(usage.promptCachedTokens())
        .setCacheCreationTokens(usage.cacheCreationTokens())
        .setCacheReadTokens(usage.cacheReadTokens())
        .setTotalTokens(usage.totalTokens())
        .setServiceTier(usage.serviceTier())
        .build();
  }
}
