package dev.chatstream.llm.internal.responses;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chatstream.llm.internal.http.AttemptClients;
import dev.chatstream.llm.internal.http.SseEvent;
import dev.chatstream.llm.internal.http.SseReader;
import dev.chatstream.llm.internal.json.Json;
import dev.chatstream.llm.internal.retry.AttemptContext;
import dev.chatstream.llm.internal.retry.ExceptionMapper;
import java.io.IOException;
import okhttp3.Call;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * {@code POST {base}/responses} with {@code stream: true}: a status other than 2xx is mapped by the
 * {@link ExceptionMapper}, the event stream is read through the {@link SseReader}, and each event's
 * data is one Responses event.
 */
final class SseTransport implements ResponsesTransport {

  private static final MediaType JSON_TYPE = MediaType.get("application/json");

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
    ObjectNode streaming = body.deepCopy().put("stream", true);
    Request http = endpoint.authorized(endpoint.responsesUrl())
        .header("Accept", "text/event-stream")
        .post(RequestBody.create(Json.mapper().writeValueAsBytes(streaming), JSON_TYPE))
        .build();
    ExceptionMapper masked = errors.withCredentialsOf(http);
    Call call = clients.forTimeout(context.timeout()).newCall(http);
    context.onCancel(call::cancel);
    try (Response response = call.execute()) {
      if (!response.isSuccessful()) {
        throw masked.fromResponse(response);
      }
      masked.requireEventStream(response);
      events.providerRequestId(ExceptionMapper.requestId(response.headers()));
      read(new SseReader(response.body().source()), events, context);
    }
  }

  private static void read(SseReader reader, ResponsesEvents events, AttemptContext context) throws IOException {
    SseEvent event;
    while (!context.cancelled() && (event = reader.next()) != null) {
      String data = event.data().strip();
      if (data.isEmpty() || "[DONE]".equals(data)) {
        continue;
      }
      events.accept(parse(data)).forEach(context::emit);
      if (events.finished()) {
        return;
      }
    }
    if (!context.cancelled()) {
      throw new IOException("the event stream ended before the response completed");
    }
  }

  static JsonNode parse(String data) throws IOException {
    JsonNode event = Json.mapper().readTree(data);
    if (event == null || !event.isObject()) {
      String kind = event == null ? "nothing" : event.getNodeType().toString();
      throw new NotAnEventException("expected a JSON object, got " + kind);
    }
    return event;
  }

  /** A stream event that is JSON but not an event object. */
  static final class NotAnEventException extends JsonProcessingException {
    NotAnEventException(String message) {
      super(message);
    }
  }
}
