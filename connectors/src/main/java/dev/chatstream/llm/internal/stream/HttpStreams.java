package dev.chatstream.llm.internal.stream;

import dev.chatstream.llm.LlmStream;
import dev.chatstream.llm.LlmStreamListener;
import dev.chatstream.llm.internal.http.AttemptClients;
import dev.chatstream.llm.internal.retry.ConnectorRuntime;
import dev.chatstream.llm.internal.retry.ExceptionMapper;
import dev.chatstream.llm.internal.retry.Generation;
import dev.chatstream.llm.internal.retry.RetryingStream;

/**
 * Starts the generations of one connector: each runs {@link HttpStreamAttempt}s of its exchange in the
 * shared retry loop, on the connector's runtime. Thread-safe.
 */
public final class HttpStreams {

  private final ExceptionMapper errors;
  private final ConnectorRuntime runtime;
  private final AttemptClients clients;

  /**
   * Streams on {@code runtime}.
   *
   * @param errors the mapper that masks the connector's secrets
   * @param runtime HTTP clients, threads and retry waits
   */
  public HttpStreams(ExceptionMapper errors, ConnectorRuntime runtime) {
    this.errors = errors;
    this.runtime = runtime;
    this.clients = new AttemptClients(runtime.http());
  }

  /** Starts {@code exchange} as {@code generation}; returns at once. */
  public LlmStream start(Generation generation, StreamExchange<?> exchange, LlmStreamListener listener) {
    return RetryingStream.start(generation, new HttpStreamAttempt<>(exchange, clients, errors), errors, listener,
        runtime);
  }
}
