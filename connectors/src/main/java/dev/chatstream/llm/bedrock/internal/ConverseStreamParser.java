package dev.chatstream.llm.bedrock.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.chatstream.llm.ApiConnectionException;
import dev.chatstream.llm.internal.json.Json;
import dev.chatstream.llm.internal.retry.ExceptionMapper;
import dev.chatstream.llm.internal.stream.IndexedToolCalls;
import dev.chatstream.llm.internal.stream.StreamParser;
import dev.chatstream.llm.stream.ChatChunk;
import dev.chatstream.llm.stream.ChoiceDelta;
import dev.chatstream.llm.stream.CompletionUsage;
import dev.chatstream.llm.stream.FunctionToolCall;
import java.nio.charset.StandardCharsets;
import java.util.List;
import software.amazon.awssdk.eventstream.HeaderValue;
import software.amazon.awssdk.eventstream.Message;

/**
 * Turns the messages of one ConverseStream into chunks: {@code contentBlockDelta} text becomes text
 * (reasoning content is left out), a {@code toolUse} block becomes one tool call when it stops (its
 * input assembled from the deltas), and {@code metadata} brings the usage (prompt tokens with the cache
 * reads and writes) and ends the stream. An {@code exception} message is a status error whose status
 * its type gives. A stream that ends before {@code messageStop} was cut off.
 */
public final class ConverseStreamParser implements StreamParser<Message> {

  private final ExceptionMapper errors;
  private final String requestId;
  private final String chunkId;
  private final IndexedToolCalls toolCalls = new IndexedToolCalls();
  private boolean stopped;
  private boolean done;

  /**
   * A parser for one attempt.
   *
   * @param errors maps exceptions, masking the credentials
   * @param requestId the {@code x-amzn-RequestId} of the response, or null
   */
  public ConverseStreamParser(ExceptionMapper errors, String requestId) {
    this.errors = errors;
    this.requestId = requestId;
    this.chunkId = requestId == null ? "bedrock" : requestId;
  }

  @Override
  public List<ChatChunk> accept(Message message) throws JsonProcessingException {
    String kind = header(message, ":message-type");
    if ("error".equals(kind)) {
      throw BedrockErrors.streamError(header(message, ":error-code"), header(message, ":error-message"), requestId,
          errors);
    }
    JsonNode payload = payload(message);
    if ("exception".equals(kind)) {
      throw BedrockErrors.streamException(header(message, ":exception-type"), payload, requestId, errors);
    }
    return switch (header(message, ":event-type")) {
      case "contentBlockStart" -> start(payload);
      case "contentBlockDelta" -> delta(payload);
      case "contentBlockStop" -> call(toolCalls.complete(payload.path("contentBlockIndex").asInt()));
      case "messageStop" -> {
        stopped = true;
        yield List.of();
      }
      case "metadata" -> {
        done = true;
        yield List.of(new ChatChunk(chunkId, null, usage(payload.path("usage"))));
      }
      default -> List.of(); // messageStart, and event types added later
    };
  }

  @Override
  public boolean done() {
    return done;
  }

  @Override
  public List<ChatChunk> finish() {
    if (!stopped) {
      throw new ApiConnectionException("the stream ended before the reply did (no messageStop)", true, null);
    }
    return List.of();
  }

  private List<ChatChunk> start(JsonNode event) {
    JsonNode toolUse = event.path("start").path("toolUse");
    if (toolUse.isObject()) {
      toolCalls.start(event.path("contentBlockIndex").asInt(), toolUse.path("toolUseId").asText(""),
          toolUse.path("name").asText(""));
    }
    return List.of();
  }

  private List<ChatChunk> delta(JsonNode event) {
    JsonNode delta = event.path("delta");
    if (delta.path("toolUse").isObject()) {
      toolCalls.append(event.path("contentBlockIndex").asInt(), delta.get("toolUse").path("input").asText(""));
      return List.of();
    }
    String text = delta.path("text").asText("");
    return text.isEmpty() ? List.of() : List.of(new ChatChunk(chunkId, ChoiceDelta.text(text), null));
  }

  private List<ChatChunk> call(FunctionToolCall call) {
    return call == null ? List.of() : List.of(new ChatChunk(chunkId, ChoiceDelta.toolCalls(List.of(call)), null));
  }

  private static CompletionUsage usage(JsonNode usage) {
    int output = usage.path("outputTokens").asInt(0);
    int cacheRead = usage.path("cacheReadInputTokens").asInt(0);
    int cacheWrite = usage.path("cacheWriteInputTokens").asInt(0);
    int prompt = usage.path("inputTokens").asInt(0) + cacheRead + cacheWrite;
    int total = Math.max(usage.path("totalTokens").asInt(0), prompt + output);
    return new CompletionUsage(output, prompt, cacheRead, cacheWrite, cacheRead, total, null);
  }

  private static JsonNode payload(Message message) throws JsonProcessingException {
    JsonNode payload = Json.mapper().readTree(new String(message.getPayload(), StandardCharsets.UTF_8));
    if (payload == null || !payload.isObject()) {
      throw new MalformedEvent("expected a JSON object in the event payload");
    }
    return payload;
  }

  private static String header(Message message, String name) {
    HeaderValue value = message.getHeaders().get(name);
    return value == null ? "" : value.getString();
  }

  /** A payload that is JSON but not an object. */
  static final class MalformedEvent extends JsonProcessingException {
    MalformedEvent(String message) {
      super(message);
    }
  }
}
