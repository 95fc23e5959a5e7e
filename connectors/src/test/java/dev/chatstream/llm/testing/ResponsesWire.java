package dev.chatstream.llm.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chatstream.llm.internal.http.SseEvent;
import dev.chatstream.llm.internal.http.SseReader;
import dev.chatstream.llm.internal.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import okio.Buffer;

/**
 * Responses API events written for tests (the recorded ones live in the fixtures), and the two ways
 * they travel: as an SSE body, or one event per WebSocket message.
 */
public final class ResponsesWire {

  private ResponsesWire() {}

  /** {@code response.created} for response {@code id}. */
  public static String created(String id) {
    ObjectNode event = event("response.created");
    event.putObject("response").put("id", id).put("object", "response").put("status", "in_progress")
        .putArray("output");
    return event.toString();
  }

  /** A text delta. */
  public static String textDelta(String text) {
    return event("response.output_text.delta").put("item_id", "msg_test").put("output_index", 0)
        .put("content_index", 0).put("delta", text).toString();
  }

  /** The done event of an assistant message item with {@code text}. */
  public static String messageDone(String itemId, String text) {
    ObjectNode event = event("response.output_item.done").put("output_index", 0);
    ObjectNode item = event.putObject("item").put("type", "message").put("id", itemId).put("status", "completed")
        .put("role", "assistant");
    item.putArray("content").addObject().put("type", "output_text").put("text", text).putArray("annotations");
    return event.toString();
  }

  /** The done event of a reasoning item with these summary texts. */
  public static String reasoningDone(String itemId, String... summaries) {
    ObjectNode event = event("response.output_item.done").put("output_index", 0);
    ObjectNode item = event.putObject("item").put("type", "reasoning").put("id", itemId);
    for (String summary : summaries) {
      item.withArray("summary").addObject().put("type", "summary_text").put("text", summary);
    }
    item.withArray("summary");
    return event.toString();
  }

  /** The done event of a complete function call item. */
  public static String functionCallDone(String itemId, String callId, String name, String arguments) {
    ObjectNode event = event("response.output_item.done").put("output_index", 0);
    event.putObject("item").put("type", "function_call").put("id", itemId).put("status", "completed")
        .put("call_id", callId).put("name", name).put("arguments", arguments);
    return event.toString();
  }

  /** {@code response.completed} with usage. */
  public static String completed(String id, int input, int cached, int output, int reasoning) {
    ObjectNode event = event("response.completed");
    ObjectNode response = event.putObject("response").put("id", id).put("object", "response")
        .put("status", "completed").put("service_tier", "default");
    ObjectNode usage = response.putObject("usage").put("input_tokens", input);
    usage.putObject("input_tokens_details").put("cached_tokens", cached);
    usage.put("output_tokens", output);
    usage.putObject("output_tokens_details").put("reasoning_tokens", reasoning);
    usage.put("total_tokens", input + output);
    return event.toString();
  }

  /** An {@code error} event as the WebSocket mode sends it: a status and an error object. */
  public static String errorEvent(int status, String code, String message) {
    ObjectNode event = event("error").put("status", status);
    event.putObject("error").put("type", "invalid_request_error").put("code", code).put("message", message);
    return event.toString();
  }

  /** A whole text reply: created, the deltas, the message, completed with 11 input and 1 output per piece. */
  public static List<String> textReply(String responseId, List<String> pieces) {
    List<String> events = new ArrayList<>();
    events.add(created(responseId));
    pieces.forEach(piece -> events.add(textDelta(piece)));
    events.add(messageDone("msg_" + responseId, String.join("", pieces)));
    events.add(completed(responseId, 11, 3, pieces.size(), 0));
    return events;
  }

  /** A reply that calls one function. */
  public static List<String> callReply(String responseId, String callId, String name, String arguments) {
    return List.of(created(responseId), functionCallDone("fc_" + callId, callId, name, arguments),
        completed(responseId, 20, 0, 5, 0));
  }

  /** Events as an SSE body, each with its {@code event:} line. */
  public static String sse(List<String> events) {
    StringBuilder body = new StringBuilder();
    for (String event : events) {
      String type = read(event).path("type").asText();
      body.append("event: ").append(type).append('\n').append("data: ").append(event).append("\n\n");
    }
    return body.toString();
  }

  /** The {@code data} of every event of an SSE body, as the WebSocket mode sends them. */
  public static List<String> dataOf(byte[] sseBody) {
    try {
      SseReader reader = new SseReader(new Buffer().write(sseBody));
      List<String> data = new ArrayList<>();
      SseEvent event;
      while ((event = reader.next()) != null) {
        data.add(event.data());
      }
      return data;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** An HTTP error body with {@code message} and {@code code} (null for none). */
  public static String errorBody(String message, String code) {
    ObjectNode body = Json.mapper().createObjectNode();
    ObjectNode error = body.putObject("error").put("message", message).put("type", "invalid_request_error");
    error.putNull("param");
    if (code == null) {
      error.putNull("code");
    } else {
      error.put("code", code);
    }
    return body.toString();
  }

  /** Parses JSON text. */
  public static JsonNode read(String json) {
    try {
      return Json.mapper().readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ObjectNode event(String type) {
    return Json.mapper().createObjectNode().put("type", type);
  }
}
