package dev.chatstream.llm.internal.stream;

import dev.chatstream.llm.ApiStatusException;
import dev.chatstream.llm.internal.retry.ExceptionMapper;
import java.io.IOException;
import java.util.List;
import okhttp3.Request;
import okhttp3.Response;
import okio.BufferedSource;

/**
 * What makes one provider's streaming call: the request of an attempt, how its body is framed, how
 * its events become chunks, and how its error responses read. {@link HttpStreamAttempt} runs it.
 *
 * @param <E> the provider's event type
 */
public interface StreamExchange<E> {

  /**
   * The HTTP request of one attempt, with fresh credentials (a new token, a new signature).
   *
   * @throws IOException when credentials cannot be had
   * @throws IllegalArgumentException when the request cannot be built from what the caller gave
   */
  Request request() throws IOException;

  /**
   * The credential values the request carries, masked in every error of the attempt. The default
   * takes the values of the usual credential headers.
   */
  default List<String> secrets(Request request) {
    return CredentialHeaders.values(request);
  }

  /** The media subtype of a successful stream ({@code event-stream}, {@code vnd.amazon.eventstream}). */
  String streamSubtype();

  /** Reads events from a response body. */
  EventReader<E> reader(BufferedSource body);

  /** A parser for the events of one successful response. */
  StreamParser<E> parser(Response response, ExceptionMapper errors);

  /** The error for a response whose status is not 2xx: the provider's error table. */
  ApiStatusException error(Response response, ExceptionMapper errors);
}
