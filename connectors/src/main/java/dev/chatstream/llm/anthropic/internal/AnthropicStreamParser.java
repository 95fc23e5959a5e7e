package dev.chatstream.llm.anthropic.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.chatstream.llm.ApiConnectionException;
import dev.chatstream.llm.internal.http.SseEvent;
import dev.chatstream.llm.internal.json.Json;
import dev.chatstream.llm.internal.retry.ExceptionMapper;
import dev.chatstream.llm.internal.stream.IndexedToolCalls;
import dev.chatstream.llm.internal.stream.StreamParser;
import dev.chatstream.llm.stream.ChatChunk;
import dev.chatstream.llm.stream.ChoiceDelta;
import dev.chatstream.llm.stream.CompletionUsage;
import dev.chatstream.llm.stream.FunctionToolCall;
import java.util.List;

/**
 * Turns the events of one Messages stream into chunks: {@code text_delta}s become text,
 * {@code tool_use} blocks become one tool call each when the block stops (its input assembled from the
 * {@code input_json_delta}s), thinking blocks are left out, and {@code message_stop} brings the usage
 * ({@code message_start}'s counts, updated by {@code message_delta}) and ends the stream. An
 * {@code error} event is a status error whose status its type gives; {@code ping} is ignored. A stream
 * that ends after the {@code message_delta} with the stop reason but without {@code message_stop} is
 * complete (the stop adds nothing); one that ends before any stop reason was cut off.
 */
public final class AnthropicStreamParser implements StreamParser<SseEvent> {

  private final ExceptionMapper errors;
  private final String requestId;
  private final IndexedToolCalls toolCalls = new IndexedToolCalls();
  private String messageId = "";
  private int inputTokens;
  private int cacheCreationTokens;
  private int cacheReadTokens;
  private int outputTokens;
  private String serviceTier;
  private String stopReason;
  private boolean done;

  /**
   * A parser for one attempt.
   *
   * @param errors maps error events, masking the key
   * @param requestId Anthropic's {@code request-id} of the response, or null
   */
  public AnthropicStreamParser(ExceptionMapper errors, String requestId) {
    this.errors = errors;
    this.requestId = requestId;
  }

  @Override
  public List<ChatChunk> accept(SseEvent event) throws JsonProcessingException {
    JsonNode root = Json.mapper().readTree(event.data());
    if (!root.isObject()) {
      throw new MalformedEvent("expected a JSON object, got " + root.getNodeType());
    }
    return switch (root.path("type").asText("")) {
      case "message_start" -> start(root.path("message"));
      case "content_block_start" -> blockStart(root);
      case "content_block_delta" -> blockDelta(root);
      case "content_block_stop" -> call(toolCalls.complete(root.path("index").asInt()));
      case "message_delta" -> {
        stopReason = root.path("delta").path("stop_reason").asText(stopReason);
        count(root.path("usage"));
        yield List.of();
      }
      case "message_stop" -> end();
      case "error" -> throw AnthropicErrors.streamError(root, requestId, errors);
      default -> List.of(); // ping, and event types added later
    };
  }

  @Override
  public boolean done() {
    return done;
  }

  @Override
  public List<ChatChunk> finish() {
    if (done) {
      return List.of();
    }
    if (stopReason == null) {
      throw new ApiConnectionException("the stream ended before the reply did (no stop reason)", true, null);
    }
    return end();
  }

  private List<ChatChunk> start(JsonNode message) {
    messageId = message.path("id").asText("");
    count(message.path("usage"));
    return List.of();
  }

  private void count(JsonNode usage) {
    inputTokens = usage.path("input_tokens").asInt(inputTokens);
    cacheCreationTokens = usage.path("cache_creation_input_tokens").asInt(cacheCreationTokens);
    cacheReadTokens = usage.path("cache_read_input_tokens").asInt(cacheReadTokens);
    outputTokens = usage.path("output_tokens").asInt(outputTokens);
    serviceTier = usage.path("service_tier").isTextual() ? usage.get("service_tier").asText() : serviceTier;
  }

  private List<ChatChunk> end() {
    done = true;
    int prompt = inputTokens + cacheCreationTokens + cacheReadTokens;
    CompletionUsage usage = new CompletionUsage(outputTokens, prompt, cacheReadTokens, cacheCreationTokens,
        cacheReadTokens, prompt + outputTokens, serviceTier);
    return List.of(new ChatChunk(messageId, null, usage));
  }

  private List<ChatChunk> blockStart(JsonNode event) {
    JsonNode block = event.path("content_block");
    int index = event.path("index").asInt();
    return switch (block.path("type").asText("")) {
      case "tool_use" -> {
        toolCalls.start(index, block.path("id").asText(""), block.path("name").asText(""));
        yield List.of();
      }
      case "text" -> text(block.path("text").asText(""));
      default -> List.of(); // thinking and redacted_thinking stay out of the reply
    };
  }

  private List<ChatChunk> blockDelta(JsonNode event) {
    JsonNode delta = event.path("delta");
    return switch (delta.path("type").asText("")) {
      case "text_delta" -> text(delta.path("text").asText(""));
      case "input_json_delta" -> {
        toolCalls.append(event.path("index").asInt(), delta.path("partial_json").asText(""));
        yield List.of();
      }
      default -> List.of(); // thinking_delta, signature_delta, citations_delta
    };
  }

  private List<ChatChunk> text(String text) {
    return text.isEmpty() ? List.of() : List.of(new ChatChunk(messageId, ChoiceDelta.text(text), null));
  }

  private List<ChatChunk> call(FunctionToolCall call) {
    return call == null ? List.of() : List.of(new ChatChunk(messageId, ChoiceDelta.toolCalls(List.of(call)), null));
  }

  /** An event that is JSON but not an event object. */
  static final class MalformedEvent extends JsonProcessingException {
    MalformedEvent(String message) {
      super(message);
    }
  }
}
