package dev.chatstream.llm.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chatstream.llm.internal.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;

/**
 * A loopback server implementing the documented Conversations endpoints and streaming responses in
 * a conversation: {@code POST /v1/conversations}, {@code POST /v1/conversations/{id}/items} (at most
 * 20 items), {@code DELETE /v1/conversations/{id}/items/{item}}, {@code GET
 * /v1/conversations/{id}/items}, and {@code POST /v1/responses} with {@code conversation}, which
 * checks the conversation as the API does (every function call output follows its call, no call is
 * left without an output before a later item), streams the next queued reply and then appends the
 * response's input and output items to the conversation. Item ids are assigned as the API does
 * ({@code msg_}, {@code fc_}, {@code fco_}).
 */
public final class FakeConversationsApi implements AutoCloseable {

  /** One call the server received. */
  public record Call(String method, String path, JsonNode body) {}

  private final MockWebServer server = new MockWebServer();
  private final Map<String, List<ObjectNode>> conversations = new LinkedHashMap<>();
  private final BlockingQueue<List<String>> replies = new LinkedBlockingQueue<>();
  private final List<Call> calls = new CopyOnWriteArrayList<>();
  private final AtomicInteger ids = new AtomicInteger();
  private volatile int failNextResponses;

  /** A started server. */
  public FakeConversationsApi() {
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        synchronized (FakeConversationsApi.this) {
          return answer(request);
        }
      }
    });
    try {
      server.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The server's URL for {@code path}. */
  public HttpUrl url(String path) {
    return server.url(path);
  }

  /** Queues the events of the next response. */
  public void enqueueReply(List<String> events) {
    replies.add(events);
  }

  /** Answers the next {@code count} response requests with HTTP 500. */
  public void failNextResponses(int count) {
    failNextResponses = count;
  }

  /** Every call, in order. */
  public List<Call> calls() {
    return List.copyOf(calls);
  }

  /** The calls other than the listing ones, as {@code "METHOD path"}. */
  public List<String> callLines() {
    return calls.stream().map(call -> call.method() + " " + call.path()).toList();
  }

  /** Forgets the calls so far. */
  public void clearCalls() {
    calls.clear();
  }

  /** The items of a conversation, in order. */
  public synchronized List<ObjectNode> items(String conversationId) {
    return List.copyOf(conversations.get(conversationId));
  }

  /** Removes a conversation, as when it expires or is deleted elsewhere. */
  public synchronized void forget(String conversationId) {
    conversations.remove(conversationId);
  }

  /** The text of each item of a conversation: message text, {@code call:name}, or {@code output:text}. */
  public synchronized List<String> transcript(String conversationId) {
    List<String> lines = new ArrayList<>();
    for (ObjectNode item : conversations.get(conversationId)) {
      lines.add(switch (item.path("type").asText()) {
        case "function_call" -> "call:" + item.path("name").asText();
        case "function_call_output" -> "output:" + item.path("output").asText();
        case "reasoning" -> "reasoning";
        default -> item.path("role").asText() + ":" + item.at("/content/0/text").asText();
      });
    }
    return lines;
  }

  @Override
  public void close() {
    server.close();
  }

  private MockResponse answer(RecordedRequest request) {
    List<String> path = request.getUrl().pathSegments();
    JsonNode body = request.getBody() == null || request.getBody().size() == 0
        ? Json.mapper().createObjectNode() : ResponsesWire.read(request.getBody().utf8());
    calls.add(new Call(request.getMethod(), request.getUrl().encodedPath(), body));
    if (path.size() >= 2 && path.get(1).equals("responses") && request.getMethod().equals("POST")) {
      return respond(body);
    }
    if (path.size() < 2 || !path.get(1).equals("conversations")) {
      return error(404, "unknown path");
    }
    if (path.size() == 2 && request.getMethod().equals("POST")) {
      String id = "conv_" + ids.incrementAndGet();
      conversations.put(id, new ArrayList<>());
      add(id, body.path("items"));
      return json(Json.mapper().createObjectNode().put("id", id).put("object", "conversation")
          .put("created_at", 1_700_000_000).set("metadata", Json.mapper().createObjectNode()));
    }
    List<ObjectNode> items = conversations.get(path.get(2));
    if (items == null) {
      return error(404, "Conversation with id '" + path.get(2) + "' not found.");
    }
    if (path.size() == 4 && request.getMethod().equals("POST")) {
      if (body.path("items").size() > 20) {
        return error(400, "You may add up to 20 items at a time.");
      }
      return json(list(add(path.get(2), body.path("items"))));
    }
    if (path.size() == 4 && request.getMethod().equals("GET")) {
      return json(list(items));
    }
    if (path.size() == 5 && request.getMethod().equals("DELETE")) {
      boolean removed = items.removeIf(item -> item.path("id").asText().equals(path.get(4)));
      return removed ? json(Json.mapper().createObjectNode().put("id", path.get(2)).put("object", "conversation"))
          : error(404, "Item with id '" + path.get(4) + "' not found.");
    }
    return error(405, "unsupported");
  }

  private MockResponse respond(JsonNode body) {
    if (failNextResponses > 0) {
      failNextResponses--;
      return error(500, "The server had an error while processing your request.");
    }
    String conversation = body.path("conversation").asText("");
    List<ObjectNode> items = conversations.get(conversation);
    if (items == null) {
      return error(404, "Conversation with id '" + conversation + "' not found.");
    }
    List<ObjectNode> seen = new ArrayList<>(items);
    body.path("input").forEach(item -> seen.add((ObjectNode) item));
    String invalid = invalid(seen);
    if (invalid != null) {
      return error(400, invalid);
    }
    List<String> events = replies.poll();
    if (events == null) {
      return error(500, "no reply queued");
    }
    add(conversation, body.path("input"));
    for (String event : events) {
      JsonNode parsed = ResponsesWire.read(event);
      if (parsed.path("type").asText().equals("response.output_item.done")) {
        items.add(((ObjectNode) parsed.get("item")).deepCopy());
      }
    }
    return new MockResponse.Builder().addHeader("Content-Type", "text/event-stream").body(ResponsesWire.sse(events))
        .build();
  }

  /** The API's checks of a conversation's items, or null when they pass. */
  private static String invalid(List<ObjectNode> items) {
    List<String> calls = new ArrayList<>();
    List<String> open = new ArrayList<>();
    for (ObjectNode item : items) {
      String type = item.path("type").asText();
      String callId = item.path("call_id").asText();
      if (type.equals("function_call")) {
        calls.add(callId);
        open.add(callId);
      } else if (type.equals("function_call_output")) {
        if (!calls.contains(callId)) {
          return "No tool call found for function call output with call_id " + callId + ".";
        }
        open.remove(callId);
      } else if (!open.isEmpty() && !type.equals("reasoning")) {
        return "No tool output found for function call " + open.getFirst() + ".";
      }
    }
    return null;
  }

  private List<ObjectNode> add(String conversation, JsonNode newItems) {
    List<ObjectNode> added = new ArrayList<>();
    for (JsonNode item : newItems) {
      ObjectNode copy = ((ObjectNode) item).deepCopy();
      String type = copy.path("type").asText("message");
      String prefix = switch (type) {
        case "function_call" -> "fc_";
        case "function_call_output" -> "fco_";
        default -> "msg_";
      };
      ObjectNode stored = Json.mapper().createObjectNode().put("id", prefix + ids.incrementAndGet()).put("type", type);
      copy.properties().forEach(field -> {
        if (!field.getKey().equals("id") && !field.getKey().equals("type")) {
          stored.set(field.getKey(), field.getValue());
        }
      });
      conversations.get(conversation).add(stored);
      added.add(stored);
    }
    return added;
  }

  private static ObjectNode list(List<ObjectNode> items) {
    ObjectNode list = Json.mapper().createObjectNode().put("object", "list");
    ArrayNode data = list.putArray("data");
    items.forEach(data::add);
    list.put("first_id", items.isEmpty() ? null : items.getFirst().path("id").asText());
    list.put("last_id", items.isEmpty() ? null : items.getLast().path("id").asText());
    list.put("has_more", false);
    return list;
  }

  private static MockResponse json(JsonNode body) {
    return new MockResponse.Builder().addHeader("Content-Type", "application/json").body(body.toString()).build();
  }

  private static MockResponse error(int status, String message) {
    return new MockResponse.Builder().code(status).addHeader("Content-Type", "application/json")
        .body(ResponsesWire.errorBody(message, null)).build();
  }
}
