package dev.chatstream.llm.internal.stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.chatstream.llm.LlmException;
import dev.chatstream.llm.internal.http.AttemptClients;
import dev.chatstream.llm.internal.json.Json;
import dev.chatstream.llm.internal.retry.Attempt;
import dev.chatstream.llm.internal.retry.AttemptContext;
import dev.chatstream.llm.internal.retry.ExceptionMapper;
import java.io.IOException;
import okhttp3.Call;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.Response;

/**
 * One try of a streaming HTTP call, the same for every provider: send the exchange's request, map an
 * error status through the exchange's error table, check that a stream came back, read its events
 * through the exchange's parser and emit the chunks. Cancelling the stream cancels the call.
 *
 * @param <E> the provider's event type
 */
public final class HttpStreamAttempt<E> implements Attempt {

  private static final long MAX_PEEK_BYTES = 16 * 1024;

  private final StreamExchange<E> exchange;
  private final AttemptClients clients;
  private final ExceptionMapper errors;

  /**
   * An attempt of {@code exchange}.
   *
   * @param exchange the provider's request, framing, parser and error table
   * @param clients the HTTP clients, per attempt timeout
   * @param errors the mapper that masks the provider's secrets
   */
  public HttpStreamAttempt(StreamExchange<E> exchange, AttemptClients clients, ExceptionMapper errors) {
    this.exchange = exchange;
    this.clients = clients;
    this.errors = errors;
  }

  @Override
  public void run(AttemptContext context) throws IOException {
    Request http = exchange.request();
    ExceptionMapper attemptErrors = errors.withSecrets(exchange.secrets(http));
    Call call = clients.forTimeout(context.timeout()).newCall(http);
    context.onCancel(call::cancel);
    try (Response response = call.execute()) {
      if (!response.isSuccessful()) {
        throw exchange.error(response, attemptErrors);
      }
      requireStream(response, attemptErrors);
      read(response, context, attemptErrors);
    }
  }

  private void read(Response response, AttemptContext context, ExceptionMapper attemptErrors) throws IOException {
    EventReader<E> events = exchange.reader(response.body().source());
    StreamParser<E> parser = exchange.parser(response, attemptErrors);
    E event;
    while (!context.cancelled() && (event = events.next()) != null) {
      parser.accept(event).forEach(context::emit);
      if (parser.done()) {
        break;
      }
    }
    if (!context.cancelled()) {
      parser.finish().forEach(context::emit);
    }
  }

  /** A 2xx answer that is not a stream is an error object or something else that went wrong. */
  private void requireStream(Response response, ExceptionMapper attemptErrors) throws IOException {
    MediaType type = response.body().contentType();
    if (type == null || exchange.streamSubtype().equals(type.subtype())) {
      return;
    }
    String text = response.peekBody(MAX_PEEK_BYTES).string();
    try {
      JsonNode root = Json.mapper().readTree(text);
      if (root.path("error").isObject()) {
        throw attemptErrors.fromStreamError(root, ExceptionMapper.requestId(response.headers()));
      }
    } catch (JsonProcessingException notJson) {
      // reported below as an unexpected content type
    }
    throw new LlmException("expected a stream, the provider answered " + type, true, null);
  }
}
