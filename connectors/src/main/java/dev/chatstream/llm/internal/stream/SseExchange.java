package dev.chatstream.llm.internal.stream;

import dev.chatstream.llm.ApiStatusException;
import dev.chatstream.llm.internal.http.SseEvent;
import dev.chatstream.llm.internal.http.SseReader;
import dev.chatstream.llm.internal.retry.ErrorDialect;
import dev.chatstream.llm.internal.retry.ExceptionMapper;
import java.io.IOException;
import java.util.function.BiFunction;
import okhttp3.Request;
import okhttp3.Response;
import okio.BufferedSource;

/**
 * A streaming exchange over server-sent events: a JSON POST, a parser of the provider's events and the
 * provider's error dialect. What the Anthropic, Gemini and Mistral connectors are made of.
 */
public final class SseExchange implements StreamExchange<SseEvent> {

  private final JsonPost post;
  private final BiFunction<Response, ExceptionMapper, StreamParser<SseEvent>> parsers;
  private final ErrorDialect dialect;

  /**
   * An exchange of {@code post}.
   *
   * @param post the request
   * @param parsers makes the parser of one successful response, given the response and the attempt's mapper
   * @param dialect how the provider's error bodies read
   */
  public SseExchange(
      JsonPost post, BiFunction<Response, ExceptionMapper, StreamParser<SseEvent>> parsers, ErrorDialect dialect) {
    this.post = post;
    this.parsers = parsers;
    this.dialect = dialect;
  }

  @Override
  public Request request() throws IOException {
    return post.request();
  }

  @Override
  public String streamSubtype() {
    return "event-stream";
  }

  @Override
  public EventReader<SseEvent> reader(BufferedSource body) {
    return new SseReader(body)::next;
  }

  @Override
  public StreamParser<SseEvent> parser(Response response, ExceptionMapper errors) {
    return parsers.apply(response, errors);
  }

  @Override
  public ApiStatusException error(Response response, ExceptionMapper errors) {
    return errors.fromResponse(response, dialect);
  }
}
