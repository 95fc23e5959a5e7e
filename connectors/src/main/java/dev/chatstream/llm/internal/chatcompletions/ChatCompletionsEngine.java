package dev.chatstream.llm.internal.chatcompletions;

import dev.chatstream.llm.LlmRequest;
import dev.chatstream.llm.LlmStream;
import dev.chatstream.llm.LlmStreamListener;
import dev.chatstream.llm.internal.http.AttemptClients;
import dev.chatstream.llm.internal.json.Json;
import dev.chatstream.llm.internal.retry.ConnectorRuntime;
import dev.chatstream.llm.internal.retry.ExceptionMapper;
import dev.chatstream.llm.internal.retry.Generation;
import dev.chatstream.llm.internal.retry.RetryingStream;
import dev.chatstream.llm.internal.stream.HttpStreamAttempt;
import java.util.Map;

/**
 * Streams Chat Completions from one endpoint: what OpenAI, Azure OpenAI, OpenAI-compatible servers
 * and the LiveKit Inference gateway share. Thread-safe.
 */
public final class ChatCompletionsEngine {

  private final ChatEndpoint endpoint;
  private final ChatCompletionsBody body;
  private final ExceptionMapper errors;
  private final ConnectorRuntime runtime;
  private final AttemptClients clients;

  /**
   * An engine for {@code endpoint}.
   *
   * @param endpoint where requests go, with their credentials
   * @param rules how request bodies are filled in
   * @param providerOptions the provider's own extra options
   * @param errors the mapper that masks the provider's secrets
   * @param runtime HTTP client, threads and retry waits
   */
  public ChatCompletionsEngine(
      ChatEndpoint endpoint, BodyRules rules, Map<String, Object> providerOptions, ExceptionMapper errors,
      ConnectorRuntime runtime) {
    this.endpoint = endpoint;
    this.body = new ChatCompletionsBody(Json.mapper(), rules, providerOptions);
    this.errors = errors;
    this.runtime = runtime;
    this.clients = new AttemptClients(runtime.http());
  }

  /** Starts streaming {@code request} to {@code generation.model()}; returns at once. */
  public LlmStream start(LlmRequest request, Generation generation, LlmStreamListener listener) {
    ChatCompletionsExchange exchange = new ChatCompletionsExchange(body, endpoint, request, generation.model());
    return RetryingStream.start(generation, new HttpStreamAttempt<>(exchange, clients, errors), errors, listener,
        runtime);
  }
}
