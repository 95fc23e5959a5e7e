package dev.chatstream.llm.internal.chatcompletions;

import dev.chatstream.llm.ApiStatusException;
import dev.chatstream.llm.LlmRequest;
import dev.chatstream.llm.internal.http.SseEvent;
import dev.chatstream.llm.internal.http.SseReader;
import dev.chatstream.llm.internal.json.Json;
import dev.chatstream.llm.internal.retry.ExceptionMapper;
import dev.chatstream.llm.internal.stream.EventReader;
import dev.chatstream.llm.internal.stream.StreamExchange;
import dev.chatstream.llm.internal.stream.StreamParser;
import java.io.IOException;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.BufferedSource;

/**
 * One Chat Completions generation: the body, built once on the first attempt, posted to the endpoint
 * with fresh credentials each attempt, and its server-sent events read by a {@link ChatCompletionsParser}.
 */
final class ChatCompletionsExchange implements StreamExchange<SseEvent> {

  private static final MediaType JSON_TYPE = MediaType.get("application/json");

  private final ChatCompletionsBody body;
  private final ChatEndpoint endpoint;
  private final LlmRequest request;
  private final String model;
  private byte[] bytes;

  ChatCompletionsExchange(ChatCompletionsBody body, ChatEndpoint endpoint, LlmRequest request, String model) {
    this.body = body;
    this.endpoint = endpoint;
    this.request = request;
    this.model = model;
  }

  @Override
  public Request request() throws IOException {
    if (bytes == null) {
      bytes = Json.mapper().writeValueAsBytes(body.build(request, model));
    }
    return endpoint.request(RequestBody.create(bytes, JSON_TYPE));
  }

  @Override
  public String streamSubtype() {
    return "event-stream";
  }

  @Override
  public EventReader<SseEvent> reader(BufferedSource source) {
    return new SseReader(source)::next;
  }

  @Override
  public StreamParser<SseEvent> parser(Response response, ExceptionMapper errors) {
    return ChatCompletionsParser.of(errors, ExceptionMapper.requestId(response.headers()));
  }

  @Override
  public ApiStatusException error(Response response, ExceptionMapper errors) {
    return errors.fromResponse(response);
  }
}
