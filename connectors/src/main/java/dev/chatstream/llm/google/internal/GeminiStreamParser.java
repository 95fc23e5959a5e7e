package dev.chatstream.llm.google.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.chatstream.llm.ApiConnectionException;
import dev.chatstream.llm.internal.http.SseEvent;
import dev.chatstream.llm.internal.json.Json;
import dev.chatstream.llm.internal.retry.ExceptionMapper;
import dev.chatstream.llm.internal.stream.StreamParser;
import dev.chatstream.llm.stream.ChatChunk;
import dev.chatstream.llm.stream.ChoiceDelta;
import dev.chatstream.llm.stream.CompletionUsage;
import dev.chatstream.llm.stream.FunctionToolCall;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Turns the {@code GenerateContentResponse} events of one stream into chunks: text parts (thought
 * parts left out), {@code functionCall} parts as complete tool calls with their
 * {@code thoughtSignature} in {@code extra.google.thought_signature}, and, at the end, the last
 * {@code usageMetadata} (completion tokens count the thinking tokens; cached tokens are prompt tokens
 * served from cache). A blocked prompt or a reply stopped for its content fails for good; an error
 * object in the stream is a status error. A stream that ends without a finish reason was cut off.
 */
public final class GeminiStreamParser implements StreamParser<SseEvent> {

  private final ExceptionMapper errors;
  private final String requestId;
  private String responseId = "";
  private JsonNode usage;
  private boolean finished;

  /**
   * A parser for one attempt.
   *
   * @param errors maps errors, masking the key
   * @param requestId the request id of the response, or null
   */
  public GeminiStreamParser(ExceptionMapper errors, String requestId) {
    this.errors = errors;
    this.requestId = requestId;
  }

  @Override
  public List<ChatChunk> accept(SseEvent event) throws JsonProcessingException {
    JsonNode root = Json.mapper().readTree(event.data());
    if (!root.isObject()) {
      throw new MalformedEvent("expected a JSON object, got " + root.getNodeType());
    }
    if (root.path("error").isObject()) {
      throw errors.fromStreamError(root, requestId);
    }
    responseId = root.path("responseId").asText(responseId);
    if (root.path("usageMetadata").isObject()) {
      usage = root.get("usageMetadata");
    }
    String blockReason = root.path("promptFeedback").path("blockReason").asText("");
    if (!blockReason.isEmpty()) {
      throw GeminiErrors.blocked(errors, "prompt", blockReason, requestId, root.toString());
    }
    JsonNode candidate = root.path("candidates").path(0);
    List<ChatChunk> chunks = new ArrayList<>();
    for (JsonNode part : candidate.path("content").path("parts")) {
      addPart(part, chunks);
    }
    String finishReason = candidate.path("finishReason").asText("");
    if (GeminiErrors.BLOCKED.contains(finishReason)) {
      throw GeminiErrors.blocked(errors, "response", finishReason, requestId, root.toString());
    }
    if (GeminiErrors.MALFORMED_FUNCTION_CALL.equals(finishReason)) {
      throw GeminiErrors.malformedCall(errors, requestId, root.toString());
    }
    finished |= !finishReason.isEmpty();
    return chunks;
  }

  @Override
  public boolean done() {
    return false; // the server closes the stream after the last response
  }

  @Override
  public List<ChatChunk> finish() {
    if (!finished) {
      throw new ApiConnectionException("the stream ended before the reply did (no finish reason)", true, null);
    }
    return usage == null ? List.of() : List.of(new ChatChunk(responseId, null, usage(usage)));
  }

  private void addPart(JsonNode part, List<ChatChunk> chunks) throws JsonProcessingException {
    if (part.path("functionCall").isObject()) {
      chunks.add(new ChatChunk(responseId, ChoiceDelta.toolCalls(List.of(call(part))), null));
    } else if (part.path("text").isTextual() && !part.path("thought").asBoolean(false)) {
      String text = part.get("text").asText();
      if (!text.isEmpty()) {
        chunks.add(new ChatChunk(responseId, ChoiceDelta.text(text), null));
      }
    }
  }

  private static FunctionToolCall call(JsonNode part) throws JsonProcessingException {
    JsonNode call = part.get("functionCall");
    JsonNode args = call.path("args");
    String arguments = args.isObject() ? Json.mapper().writeValueAsString(args) : "{}";
    String id = call.path("id").asText("");
    String signature = part.path("thoughtSignature").asText(part.path("thought_signature").asText(""));
    Map<String, Object> extra = signature.isEmpty() ? Map.of() : Map.of("google", Map.of("thought_signature", signature));
    return new FunctionToolCall(call.path("name").asText(""), arguments, id.isEmpty() ? generatedId() : id, extra);
  }

  private static CompletionUsage usage(JsonNode metadata) {
    int prompt = metadata.path("promptTokenCount").asInt(0);
    int completion = metadata.path("candidatesTokenCount").asInt(0) + metadata.path("thoughtsTokenCount").asInt(0);
    int cached = metadata.path("cachedContentTokenCount").asInt(0);
    int total = Math.max(metadata.path("totalTokenCount").asInt(0), prompt + completion);
    return new CompletionUsage(completion, prompt, cached, 0, cached, total, null);
  }

  private static String generatedId() {
    return "call_" + UUID.randomUUID().toString().replace("-", "").substring(0, 24);
  }

  /** An event that is JSON but not a response object. */
  static final class MalformedEvent extends JsonProcessingException {
    MalformedEvent(String message) {
      super(message);
    }
  }
}
