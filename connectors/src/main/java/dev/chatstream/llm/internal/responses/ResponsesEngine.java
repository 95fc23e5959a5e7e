package dev.chatstream.llm.internal.responses;

import dev.chatstream.llm.LlmRequest;
import dev.chatstream.llm.LlmStream;
import dev.chatstream.llm.LlmStreamListener;
import dev.chatstream.llm.internal.http.AttemptClients;
import dev.chatstream.llm.internal.responses.conversations.ConversationsClient;
import dev.chatstream.llm.internal.responses.websocket.ResponsesSocketPool;
import dev.chatstream.llm.internal.retry.ConnectorRuntime;
import dev.chatstream.llm.internal.retry.ExceptionMapper;
import dev.chatstream.llm.internal.retry.Generation;
import dev.chatstream.llm.internal.retry.RetryingStream;
import dev.chatstream.llm.openai.OpenAiResponsesOptions;

/**
 * Streams Responses API generations for one provider: the request body, the two transports (the
 * WebSocket one first when enabled, with its socket pool), the conversation state rules and the
 * Conversations client, run by the shared retry loop. Thread-safe.
 */
public final class ResponsesEngine implements AutoCloseable {

  private final OpenAiResponsesOptions options;
  private final ResponsesEndpoint endpoint;
  private final ExceptionMapper errors;
  private final ConnectorRuntime runtime;
  private final ResponsesBody body;
  private final SseTransport sse;
  private final WebSocketTransport webSocket;
  private final ConversationsClient conversations;
  private final ResponsesSocketPool sockets = new ResponsesSocketPool();

  /**
   * An engine for {@code endpoint}.
   *
   * @param options what every request carries and how the conversation is kept
   * @param endpoint where requests go, with their credentials
   * @param errors the mapper that masks the provider's secrets
   * @param runtime HTTP clients, threads and retry waits
   */
  public ResponsesEngine(
      OpenAiResponsesOptions options, ResponsesEndpoint endpoint, ExceptionMapper errors, ConnectorRuntime runtime) {
    this.options = options;
    this.endpoint = endpoint;
    this.errors = errors;
    this.runtime = runtime;
    AttemptClients clients = new AttemptClients(runtime.http());
    this.body = new ResponsesBody(options);
    this.sse = new SseTransport(endpoint, clients);
    this.webSocket = new WebSocketTransport(endpoint, clients, sockets);
    this.conversations = new ConversationsClient(endpoint, clients, errors);
  }

  /** Starts streaming {@code request} to {@code generation.model()}; returns at once. */
  public LlmStream start(LlmRequest request, Generation generation, LlmStreamListener listener) {
    ResponsesAttempt attempt = new ResponsesAttempt(this, request, generation.model());
    return RetryingStream.start(generation, attempt, errors, listener, runtime);
  }

  /** Closes the idle WebSockets. */
  @Override
  public void close() {
    sockets.close();
  }

  OpenAiResponsesOptions options() {
    return options;
  }

  ResponsesEndpoint endpoint() {
    return endpoint;
  }

  ExceptionMapper errors() {
    return errors;
  }

  ResponsesBody body() {
    return body;
  }

  SseTransport sse() {
    return sse;
  }

  WebSocketTransport webSocket() {
    return webSocket;
  }

  ConversationsClient conversations() {
    return conversations;
  }
}
