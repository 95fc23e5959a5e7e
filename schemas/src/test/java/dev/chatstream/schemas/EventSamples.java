package dev.chatstream.schemas;

import dev.chatstream.events.AvailabilityChanged;
import dev.chatstream.events.ChatChunk;
import dev.chatstream.events.ConversationEvent;
import dev.chatstream.events.FunctionCallEvent;
import dev.chatstream.events.LLMError;
import dev.chatstream.events.LLMMetrics;
import dev.chatstream.events.ReplyCompleted;
import dev.chatstream.events.ReprocessResult;
import dev.chatstream.events.reprocess.ReplayedStep;
import dev.chatstream.events.reprocess.ReplyOutcome;
import dev.chatstream.events.command.CancelGeneration;
import dev.chatstream.events.command.ConnectOptions;
import dev.chatstream.events.command.ContextTransform;
import dev.chatstream.events.command.DeleteConversation;
import dev.chatstream.events.command.GenerateReply;
import dev.chatstream.events.command.ToolSpec;
import dev.chatstream.events.command.TruncateContext;
import dev.chatstream.events.error.ErrorDetail;
import dev.chatstream.events.error.ErrorKind;
import dev.chatstream.events.item.AudioContent;
import dev.chatstream.events.item.ChatMessage;
import dev.chatstream.events.item.ChatRole;
import dev.chatstream.events.item.FunctionCall;
import dev.chatstream.events.item.FunctionCallOutput;
import dev.chatstream.events.item.ImageContent;
import dev.chatstream.events.item.ImageDetail;
import dev.chatstream.events.item.TextContent;
import dev.chatstream.events.metrics.ModelMetadata;
import dev.chatstream.events.stream.ChoiceDelta;
import dev.chatstream.events.stream.CompletionUsage;
import dev.chatstream.events.stream.FunctionToolCall;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;

/** Fully populated events: every event type, every payload of the input envelope, every content part. */
final class EventSamples {

  static final String CONVERSATION = "conv-1";
  static final String REQUEST = "req-7";
  private static final Map<String, String> REQUEST_METADATA = Map.of("tenant", "\"acme\"", "trace", "{\"id\":42}");

  private EventSamples() {}

  /** One sample of every event, with every payload type of {@link ConversationEvent}. */
  static List<SpecificRecord> all() {
    return List.of(
        envelope(message()),
        envelope(functionCall()),
        envelope(FunctionCallOutput.newBuilder()
            .setId("item_out1").setCallId("call_1").setName("get_weather")
            .setOutput("{\"temp\":21}").setIsError(true).setCreatedAt(1_700_000_002.25).build()),
        envelope(generateReply()),
        envelope(CancelGeneration.newBuilder().setRequestId(REQUEST).build()),
        envelope(TruncateContext.newBuilder().setMaxItems(20).build()),
        envelope(DeleteConversation.newBuilder().build()),
        chatChunk(),
        FunctionCallEvent.newBuilder()
            .setConversationId(CONVERSATION).setRequestId(REQUEST).setAttempt(1).setSequence(12)
            .setRequestMetadata(REQUEST_METADATA)
            .setFunctionCall(functionCall()).setGroup("item_reply").build(),
        llmError(),
        llmMetrics(),
        AvailabilityChanged.newBuilder()
            .setConversationId(CONVERSATION).setRequestId(REQUEST).setAttempt(0).setSequence(3)
            .setRequestMetadata(REQUEST_METADATA)
            .setLlm("openai.LLM").setAvailable(false).setTimestamp(1_700_000_005.5).build(),
        ReplyCompleted.newBuilder()
            .setConversationId(CONVERSATION).setRequestId(REQUEST).setAttempt(0).setSequence(40)
            .setRequestMetadata(REQUEST_METADATA)
            .setMessage(message()).setFunctionCalls(List.of(functionCall()))
            .setUsage(usage()).setFinishReason("tool_calls").setCancelled(false).build(),
        reprocessResult());
  }

  static ReprocessResult reprocessResult() {
    ReplyOutcome original = ReplyOutcome.newBuilder().setProfile("default").setModel("gpt-4.1")
        .setFunctionCalls(List.of(functionCall())).setFinishReason("tool_calls").setTtft(0.21).setDuration(1.5)
        .setUsage(usage()).build();
    ReplyOutcome replayed = ReplyOutcome.newBuilder().setProfile("mini").setModel("gpt-4.1-mini").setText("It rains.")
        .setFinishReason("stop").setTtft(0.12).setDuration(0.9).build();
    ReplyOutcome failed = ReplyOutcome.newBuilder().setProfile("mini").setError(ErrorDetail.newBuilder()
        .setKind(ErrorKind.STATUS).setMessage("HTTP 429").setStatus(429).build()).build();
    return ReprocessResult.newBuilder().setRunId("run-1").setApplicationId("chatstream-reprocess-run-1")
        .setConversationId(CONVERSATION).setRequestId(REQUEST).setOriginal(original).setReplayed(replayed)
        .setToolSteps(List.of(ReplayedStep.newBuilder().setRequestId(REQUEST + "/tool-1").setReplayed(failed).build()))
        .setDiverged(true).setDivergence("step 1 called get_time({}) where the original called get_weather")
        .setTimestamp(1_700_000_009.0).build();
  }

  static ConversationEvent envelope(Object payload) {
    return ConversationEvent.newBuilder()
        .setEventId("evt-" + payload.getClass().getSimpleName())
        .setConversationId(CONVERSATION)
        .setProducedAt(Instant.ofEpochMilli(1_700_000_000_123L))
        .setPayload(payload)
        .build();
  }

  static ChatMessage message() {
    return ChatMessage.newBuilder()
        .setId("item_reply")
        .setRole(ChatRole.assistant)
        .setContent(List.of(
            TextContent.newBuilder().setText("Here is the chart").build(),
            ImageContent.newBuilder().setId("img_1").setImage("data:image/png;base64,iVBORw0KGgo=")
                .setInferenceWidth(512).setInferenceHeight(384).setInferenceDetail(ImageDetail.high)
                .setMimeType("image/png").build(),
            AudioContent.newBuilder().setData(ByteBuffer.wrap(new byte[] {1, 2, 3, 4}))
                .setUri("s3://bucket/a.wav").setMimeType("audio/wav").setTranscript("hello").build()))
        .setInterrupted(true)
        .setTranscriptConfidence(0.93)
        .setExtra(Map.of("source", "\"voice\"", "scores", "[1,2.5,null]"))
        .setCreatedAt(1_700_000_001.5)
        .build();
  }

  static FunctionCall functionCall() {
    return FunctionCall.newBuilder()
        .setId("item_reply/fnc_0").setCallId("call_1").setName("get_weather")
        .setArguments("{\"city\":\"Paris\"}").setCreatedAt(1_700_000_001.75)
        .setExtra(Map.of("thought_signature", "\"abc\"")).setGroupId("grp_1").build();
  }

  static GenerateReply generateReply() {
    return GenerateReply.newBuilder()
        .setRequestId(REQUEST)
        .setLlm("fast")
        .setModel("gpt-4.1-mini")
        .setOptions(Map.of("temperature", "0.2", "max_tokens", "512"))
        .setTools(List.of(
            ToolSpec.newBuilder().setName("get_weather").setDescription("Weather of a city")
                .setParameters("{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}}}").build(),
            ToolSpec.newBuilder().setName("lookup")
                .setRawSchema("{\"name\":\"lookup\",\"parameters\":{\"type\":\"object\"}}").build()))
        .setToolChoice("required")
        .setParallelToolCalls(false)
        .setConnectOptions(ConnectOptions.newBuilder().setMaxRetry(1).setRetryInterval(0.5).setTimeout(30.0).build())
        .setContextTransform(ContextTransform.newBuilder().setTruncateTo(10).setExcludeFunctionCall(true)
            .setExcludeInstructions(true).setExcludeEmptyMessage(true).setTools(List.of("get_weather")).build())
        .setAutoToolReply(true)
        .setMaxToolSteps(3)
        .setInterrupt(true)
        .setMetadata(REQUEST_METADATA)
        .build();
  }

  static ChatChunk chatChunk() {
    return ChatChunk.newBuilder()
        .setConversationId(CONVERSATION).setRequestId(REQUEST).setAttempt(2).setSequence(5)
        .setRequestMetadata(REQUEST_METADATA)
        .setId("chatcmpl-123")
        .setDelta(ChoiceDelta.newBuilder().setRole(ChatRole.assistant).setContent("Hel")
            .setToolCalls(List.of(FunctionToolCall.newBuilder().setName("get_weather")
                .setArguments("{}").setCallId("call_1").setExtra(Map.of("index", "0")).build()))
            .setExtra(Map.of("refusal", "null")).build())
        .setUsage(usage())
        .build();
  }

  static CompletionUsage usage() {
    return CompletionUsage.newBuilder().setCompletionTokens(12).setPromptTokens(100)
        .setPromptCachedTokens(64).setCacheCreationTokens(5).setCacheReadTokens(64)
        .setTotalTokens(112).setServiceTier("default").build();
  }

  static LLMError llmError() {
    return LLMError.newBuilder()
        .setConversationId(CONVERSATION).setRequestId(REQUEST).setAttempt(0).setSequence(1)
        .setRequestMetadata(REQUEST_METADATA)
        .setTimestamp(1_700_000_003.0).setLabel("openai.LLM")
        .setError(ErrorDetail.newBuilder().setKind(ErrorKind.STATUS).setMessage("rate limited")
            .setStatus(429).setProviderRequestId("req_abc").setBody("{\"error\":\"slow down\"}").build())
        .setRetryable(true).setRecoverable(true)
        .build();
  }

  static LLMMetrics llmMetrics() {
    return LLMMetrics.newBuilder()
        .setConversationId(CONVERSATION).setRequestId(REQUEST).setAttempt(0).setSequence(41)
        .setRequestMetadata(REQUEST_METADATA)
        .setLabel("openai.LLM").setTimestamp(1_700_000_004.0).setDuration(1.5).setTtft(0.25)
        .setCancelled(false).setCompletionTokens(12).setPromptTokens(100).setPromptCachedTokens(64)
        .setCacheCreationTokens(5).setTotalTokens(112).setTokensPerSecond(8.0)
        .setMetadata(ModelMetadata.newBuilder().setModelName("gpt-4.1-mini").setModelProvider("openai").build())
        .build();
  }
}
