package dev.chatstream.llm.internal.chatcompletions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chatstream.llm.chat.ChatRole;
import dev.chatstream.llm.internal.http.SseEvent;
import dev.chatstream.llm.internal.http.SseReader;
import dev.chatstream.llm.internal.json.Json;
import dev.chatstream.llm.internal.retry.ExceptionMapper;
import dev.chatstream.llm.internal.stream.StreamParser;
import dev.chatstream.llm.stream.ChatChunk;
import dev.chatstream.llm.stream.ChoiceDelta;
import dev.chatstream.llm.stream.CompletionUsage;
import dev.chatstream.llm.stream.FunctionToolCall;
import dev.chatstream.llm.stream.ThinkingTokenFilter;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import okio.Buffer;

/**
 * Turns the server-sent events of one Chat Completions stream into {@link ChatChunk}s: text (thinking
 * tokens stripped, {@code reasoning_content}/{@code reasoning} ignored, list-shaped content joined),
 * tool calls assembled by index, and usage from a {@code choices: []} chunk or a finish chunk
 * ({@code usage} or Groq's {@code x_groq.usage}). An error object in the stream becomes an
 * {@link dev.chatstream.llm.ApiStatusException}. One parser per attempt.
 */
public final class ChatCompletionsParser implements StreamParser<SseEvent> {

  private static final String DONE = "[DONE]";

  private final ObjectMapper json = Json.mapper();
  private final ExceptionMapper errors;
  private final ThinkingTokenFilter thinking = new ThinkingTokenFilter();
  private final String providerRequestId;
  private final ToolCallAssembler toolCalls = new ToolCallAssembler();
  private String lastId = "";
  private boolean done;

  private ChatCompletionsParser(ExceptionMapper errors, String providerRequestId) {
    this.errors = errors;
    this.providerRequestId = providerRequestId;
  }

  /**
   * A parser for one attempt's stream, for every server speaking the Chat Completions stream format.
   *
   * @param errors maps error objects in the stream, masking the provider's secrets
   * @param providerRequestId the request id of the response, or null
   */
  public static ChatCompletionsParser of(ExceptionMapper errors, String providerRequestId) {
    return new ChatCompletionsParser(errors, providerRequestId);
  }

  /**
   * The chunks of one complete response body, in order, read as a live attempt reads the network:
   * through {@link SseReader} until {@code [DONE]}, then what the thinking filter held back. For
   * recorded streams (benchmarks, replays).
   *
   * @throws IOException when an event is not JSON
   * @throws dev.chatstream.llm.ApiStatusException when the stream carries an error event
   */
  public static List<ChatChunk> chunksOf(byte[] body) throws IOException {
    SseReader events = new SseReader(new Buffer().write(body));
    ChatCompletionsParser parser = of(ExceptionMapper.redacting(Set.of()), null);
    List<ChatChunk> chunks = new ArrayList<>();
    SseEvent event;
    while ((event = events.next()) != null) {
      chunks.addAll(parser.accept(event));
      if (parser.done()) {
        break;
      }
    }
    chunks.addAll(parser.finish());
    return chunks;
  }

  /** True once {@code data: [DONE]} arrived. */
  @Override
  public boolean done() {
    return done;
  }

  /**
   * The chunks one event carries, in order.
   *
   * @throws JsonProcessingException when the data is not JSON
   * @throws dev.chatstream.llm.ApiStatusException when the event is an error
   */
  @Override
  public List<ChatChunk> accept(SseEvent event) throws JsonProcessingException {
    String data = event.data().strip();
    if (DONE.equals(data)) {
      done = true;
      return List.of();
    }
    if (data.isEmpty()) {
      return List.of();
    }
    JsonNode root = json.readTree(data);
    if ("error".equals(event.type()) || root.path("error").isObject()) {
      throw errors.fromStreamError(root, providerRequestId);
    }
    if (!root.isObject()) {
      throw new NotAChunkException("expected a JSON object, got " + root.getNodeType());
    }
    String id = root.path("id").asText("");
    lastId = id;
    List<ChatChunk> chunks = new ArrayList<>();
    for (JsonNode choice : root.path("choices")) {
      parseChoice(id, choice, chunks);
    }
    CompletionUsage usage = usage(root);
    if (usage != null) {
      chunks.add(new ChatChunk(id, null, usage));
    }
    return chunks;
  }

  /** The content still held back by the thinking filter, at the end of the stream. */
  @Override
  public List<ChatChunk> finish() {
    String rest = thinking.finish();
    return rest == null || rest.isEmpty() ? List.of() : List.of(new ChatChunk(lastId, ChoiceDelta.text(rest), null));
  }

  private void parseChoice(String id, JsonNode choice, List<ChatChunk> chunks) {
    JsonNode delta = choice.get("delta");
    if (delta == null || !delta.isObject()) {
      return; // Azure content filtering sends choices without a delta
    }
    String content = thinking.accept(content(delta.get("content")));
    Map<String, Object> extra = extraContent(delta);
    if (!content.isEmpty() || !extra.isEmpty()) {
      chunks.add(new ChatChunk(id, new ChoiceDelta(ChatRole.ASSISTANT, content.isEmpty() ? null : content,
          List.of(), extra), null));
    }
    for (JsonNode fragment : delta.path("tool_calls")) {
      addCall(id, toolCalls.accept(fragment, extraContent(fragment)), chunks);
    }
    String finishReason = choice.path("finish_reason").asText("");
    if (finishReason.equals("tool_calls") || finishReason.equals("stop")) {
      addCall(id, toolCalls.flush(), chunks);
    }
  }

  private static void addCall(String id, FunctionToolCall call, List<ChatChunk> chunks) {
    if (call != null) {
      chunks.add(new ChatChunk(id, ChoiceDelta.toolCalls(List.of(call)), null));
    }
  }

  private static String content(JsonNode content) {
    if (content == null || content.isNull()) {
      return "";
    }
    if (content.isArray()) {
      StringBuilder text = new StringBuilder();
      for (JsonNode part : content) {
        if ("text".equals(part.path("type").asText()) && part.path("text").isTextual()) {
          text.append(part.get("text").asText());
        }
      }
      return text.toString();
    }
    return content.isTextual() ? content.asText() : "";
  }

  private Map<String, Object> extraContent(JsonNode node) {
    JsonNode extra = node.get("extra_content");
    if (extra == null || !extra.isObject() || extra.isEmpty()) {
      return Map.of();
    }
    return Map.of("extra_content", json.convertValue(extra, Map.class));
  }

  private static CompletionUsage usage(JsonNode root) {
    JsonNode usage = root.get("usage");
    if (usage == null || !usage.isObject()) {
      usage = root.path("x_groq").get("usage");
    }
    if (usage == null || !usage.isObject()) {
      return null;
    }
    JsonNode details = usage.path("prompt_tokens_details");
    int cached = details.isObject()
        ? details.path("cached_tokens").asInt(0)
        : usage.path("prompt_cache_hit_tokens").asInt(0);
    String tier = root.path("service_tier").isTextual() ? root.get("service_tier").asText() : null;
    return new CompletionUsage(
        usage.path("completion_tokens").asInt(0),
        usage.path("prompt_tokens").asInt(0),
        cached,
        0,
        0,
        usage.path("total_tokens").asInt(0),
        tier);
  }

  /** A stream event that is JSON but not a chunk object. */
  static final class NotAChunkException extends JsonProcessingException {
    NotAChunkException(String message) {
      super(message);
    }
  }
}
