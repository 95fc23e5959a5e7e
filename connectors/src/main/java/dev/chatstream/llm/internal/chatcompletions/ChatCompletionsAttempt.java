package dev.chatstream.llm.internal.chatcompletions;

import dev.chatstream.llm.LlmRequest;
import dev.chatstream.llm.internal.http.SseEvent;
import dev.chatstream.llm.internal.http.SseReader;
import dev.chatstream.llm.internal.retry.Attempt;
import dev.chatstream.llm.internal.retry.AttemptContext;
import dev.chatstream.llm.internal.retry.ExceptionMapper;
import dev.chatstream.llm.stream.ChatChunk;
import dev.chatstream.llm.stream.ThinkingTokenFilter;
import java.io.IOException;
import okhttp3.Call;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * One Chat Completions attempt: post the body (built once, on the first attempt), check the status,
 * read the event stream through a {@link ChatCompletionsParser} and emit its chunks.
 */
final class ChatCompletionsAttempt implements Attempt {

  private static final MediaType JSON_TYPE = MediaType.get("application/json");

  private final ChatCompletionsEngine engine;
  private final LlmRequest request;
  private final String model;
  private byte[] body;

  ChatCompletionsAttempt(ChatCompletionsEngine engine, LlmRequest request, String model) {
    this.engine = engine;
    this.request = request;
    this.model = model;
  }

  @Override
  public void run(AttemptContext context) throws IOException {
    if (body == null) {
      body = engine.json().writeValueAsBytes(engine.body().build(request, model));
    }
    Request http = engine.endpoint().request(RequestBody.create(body, JSON_TYPE));
    ExceptionMapper errors = engine.errors().withCredentialsOf(http);
    Call call = engine.clients().forTimeout(context.timeout()).newCall(http);
    context.onCancel(call::cancel);
    try (Response response = call.execute()) {
      if (!response.isSuccessful()) {
        throw errors.fromResponse(response);
      }
      errors.requireEventStream(response);
      read(response, context, errors);
    }
  }

  private void read(Response response, AttemptContext context, ExceptionMapper errors) throws IOException {
    SseReader events = new SseReader(response.body().source());
    ChatCompletionsParser parser = new ChatCompletionsParser(
        engine.json(), errors, new ThinkingTokenFilter(), ExceptionMapper.requestId(response.headers()));
    SseEvent event;
    while (!context.cancelled() && (event = events.next()) != null) {
      parser.accept(event).forEach(context::emit);
      if (parser.done()) {
        break;
      }
    }
    for (ChatChunk chunk : parser.finish()) {
      context.emit(chunk);
    }
  }
}
