package dev.chatstream.llm.internal.responses;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chatstream.llm.chat.ChatRole;
import dev.chatstream.llm.internal.retry.ExceptionMapper;
import dev.chatstream.llm.stream.ChatChunk;
import dev.chatstream.llm.stream.ChoiceDelta;
import dev.chatstream.llm.stream.CompletionUsage;
import dev.chatstream.llm.stream.FunctionToolCall;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the events of one Responses stream, whichever transport carried them, into
 * {@link ChatChunk}s: {@code response.created} names the chunks, {@code response.output_text.delta}
 * is text, a {@code function_call} in {@code response.output_item.done} is a complete tool call, a
 * reasoning item's summary goes to {@code extra.reasoning_summary} (never into the text), and
 * {@code response.completed} or {@code response.incomplete} ends the stream with its usage (cached
 * tokens as {@code prompt_cached_tokens}, reasoning tokens in {@code extra.reasoning_tokens}; an
 * incomplete response has {@code extra.finish_reason} {@code length} or {@code content_filter}).
 * {@code error} and {@code response.failed} become errors ({@link ResponsesErrors}); other events
 * are ignored. One instance per attempt.
 */
final class ResponsesEvents {

  private final ReplyOutput reply = new ReplyOutput();
  private ExceptionMapper errors;
  private String providerRequestId;
  private String responseId = "";
  private boolean finished;
  private boolean responseDelivered;

  /** Events whose errors are masked by {@code errors} until a transport binds its own. */
  ResponsesEvents(ExceptionMapper errors) {
    this.errors = errors;
  }

  /**
   * Binds the transport now carrying the events: the mapper that also masks its credentials, and the
   * provider's request id of its response (for error events).
   */
  void bind(ExceptionMapper transportErrors, String requestId) {
    errors = transportErrors;
    providerRequestId = requestId;
  }

  /**
   * The chunks one event carries, in order.
   *
   * @throws dev.chatstream.llm.LlmException for an {@code error} or {@code response.failed} event
   */
  List<ChatChunk> accept(JsonNode event) {
    String type = event.path("type").asText("");
    List<ChatChunk> chunks = switch (type) {
      case "response.created", "response.in_progress" -> {
        responseId = event.path("response").path("id").asText(responseId);
        yield List.of();
      }
      case "response.output_text.delta" -> text(event.path("delta").asText(""));
      case "response.output_item.done" -> itemDone(event.path("item"));
      case "response.completed" -> end(event.path("response"), null);
      case "response.incomplete" -> end(event.path("response"), event.path("response").path("incomplete_details"));
      case "response.failed" -> throw ResponsesErrors.fromFailed(event, errors, providerRequestId);
      case "error" -> throw ResponsesErrors.fromErrorEvent(event, errors, providerRequestId);
      default -> List.of();
    };
    for (ChatChunk chunk : chunks) {
      responseDelivered |= chunk.hasResponse();
    }
    return chunks;
  }

  /** True once the response completed or ended incomplete. */
  boolean finished() {
    return finished;
  }

  /** True once a chunk with text or a tool call was produced. */
  boolean responseDelivered() {
    return responseDelivered;
  }

  /** The response's id, or empty before {@code response.created}. */
  String responseId() {
    return responseId;
  }

  /** The response's output items so far. */
  ReplyOutput reply() {
    return reply;
  }

  private List<ChatChunk> text(String delta) {
    if (delta.isEmpty()) {
      return List.of();
    }
    reply.sawText();
    return List.of(new ChatChunk(responseId, ChoiceDelta.text(delta), null));
  }

  private List<ChatChunk> itemDone(JsonNode item) {
    String type = item.path("type").asText("");
    reply.add(type, item.path("id").asText(""));
    return switch (type) {
      case "function_call" -> List.of(new ChatChunk(responseId, ChoiceDelta.toolCalls(List.of(FunctionToolCall.of(
          item.path("name").asText(""), item.path("arguments").asText(""), item.path("call_id").asText("")))),
          null));
      case "reasoning" -> reasoningSummary(item.path("summary"));
      default -> List.of();
    };
  }

  private List<ChatChunk> reasoningSummary(JsonNode summary) {
    StringBuilder text = new StringBuilder();
    for (JsonNode part : summary) {
      String piece = part.path("text").asText("");
      if (!piece.isEmpty()) {
        text.append(text.isEmpty() ? "" : "\n\n").append(piece);
      }
    }
    if (text.isEmpty()) {
      return List.of();
    }
    Map<String, Object> extra = Map.of("reasoning_summary", text.toString());
    return List.of(new ChatChunk(responseId, new ChoiceDelta(ChatRole.ASSISTANT, null, List.of(), extra), null));
  }

  private List<ChatChunk> end(JsonNode response, JsonNode incomplete) {
    finished = true;
    responseId = response.path("id").asText(responseId);
    Map<String, Object> extra = new LinkedHashMap<>();
    if (incomplete != null) {
      String reason = incomplete.path("reason").asText("");
      extra.put("finish_reason", "content_filter".equals(reason) ? "content_filter" : "length");
      if (!reason.isEmpty()) {
        extra.put("incomplete_reason", reason);
      }
    }
    JsonNode usage = response.get("usage");
    CompletionUsage counts = null;
    if (usage != null && usage.isObject()) {
      JsonNode reasoning = usage.path("output_tokens_details").get("reasoning_tokens");
      if (reasoning != null && reasoning.isInt()) {
        extra.put("reasoning_tokens", reasoning.intValue());
      }
      String tier = response.path("service_tier").isTextual() ? response.get("service_tier").asText() : null;
      counts = new CompletionUsage(usage.path("output_tokens").asInt(0), usage.path("input_tokens").asInt(0),
          usage.path("input_tokens_details").path("cached_tokens").asInt(0), 0, 0,
          usage.path("total_tokens").asInt(0), tier);
    }
    if (counts == null && extra.isEmpty()) {
      return List.of();
    }
    ChoiceDelta delta = extra.isEmpty() ? null : new ChoiceDelta(ChatRole.ASSISTANT, null, List.of(), extra);
    return List.of(new ChatChunk(responseId, delta, counts));
  }
}
