package dev.chatstream.llm.internal.responses;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chatstream.llm.internal.http.AttemptClients;
import dev.chatstream.llm.internal.http.SseEvent;
import dev.chatstream.llm.internal.json.Json;
import dev.chatstream.llm.internal.retry.AttemptContext;
import dev.chatstream.llm.internal.retry.ErrorDialect;
import dev.chatstream.llm.internal.retry.ExceptionMapper;
import dev.chatstream.llm.internal.stream.HttpStreamAttempt;
import dev.chatstream.llm.internal.stream.JsonPost;
import dev.chatstream.llm.internal.stream.SseExchange;
import dev.chatstream.llm.internal.stream.StreamParser;
import dev.chatstream.llm.stream.ChatChunk;
import java.io.IOException;
import java.util.List;
import okhttp3.Response;

/**
 * {@code POST {base}/responses} with {@code stream: true}, run as the shared streaming HTTP call
 * ({@link HttpStreamAttempt} over an {@link SseExchange}): each server-sent event's data is one
 * Responses event. A stream that ends before the response does is a (retryable) connection failure.
 */
final class SseTransport implements ResponsesTransport {

  private final ResponsesEndpoint endpoint;
  private final AttemptClients clients;

  SseTransport(ResponsesEndpoint endpoint, AttemptClients clients) {
    this.endpoint = endpoint;
    this.clients = clients;
  }

  @Override
  public void exchange(
      ObjectNode body, String model, ResponsesEvents events, AttemptContext context, ExceptionMapper errors)
      throws IOException {
    JsonPost post = new JsonPost(endpoint.responsesUrl(),
        () -> endpoint.headers().newBuilder().set("Accept", "text/event-stream").build(),
        () -> body.deepCopy().put("stream", true));
    SseExchange exchange = new SseExchange(post, (response, attemptErrors) -> new Parser(events, response,
        attemptErrors), ErrorDialect.DEFAULT);
    new HttpStreamAttempt<>(exchange, clients, errors).run(context);
  }

  /** One Responses event in the text of a server-sent event's data or a WebSocket message. */
  static JsonNode parse(String data) throws IOException {
    JsonNode event = Json.mapper().readTree(data);
    if (event == null || !event.isObject()) {
      String kind = event == null ? "nothing" : event.getNodeType().toString();
      throw new NotAnEventException("expected a JSON object, got " + kind);
    }
    return event;
  }

  /** The server-sent events of one response, through the attempt's {@link ResponsesEvents}. */
  private static final class Parser implements StreamParser<SseEvent> {
    private final ResponsesEvents events;

    Parser(ResponsesEvents events, Response response, ExceptionMapper errors) {
      this.events = events;
      events.bind(errors, ExceptionMapper.requestId(response.headers()));
    }

    @Override
    public List<ChatChunk> accept(SseEvent event) throws IOException {
      String data = event.data().strip();
      return data.isEmpty() || "[DONE]".equals(data) ? List.of() : events.accept(parse(data));
    }

    @Override
    public boolean done() {
      return events.finished();
    }

    @Override
    public List<ChatChunk> finish() throws IOException {
      if (!events.finished()) {
        throw new IOException("the event stream ended before the response completed");
      }
      return List.of();
    }
  }

  /** A stream event that is JSON but not an event object. */
  static final class NotAnEventException extends JsonProcessingException {
    NotAnEventException(String message) {
      super(message);
    }
  }
}
