package dev.chatstream.llm.internal.chatcompletions;

import dev.chatstream.llm.LlmRequest;
import dev.chatstream.llm.LlmStream;
import dev.chatstream.llm.LlmStreamListener;
import dev.chatstream.llm.internal.json.Json;
import dev.chatstream.llm.internal.retry.ConnectorRuntime;
import dev.chatstream.llm.internal.retry.ExceptionMapper;
import dev.chatstream.llm.internal.retry.Generation;
import dev.chatstream.llm.internal.stream.HttpStreams;
import java.util.Map;

/**
 * Streams Chat Completions from one endpoint: what OpenAI, Azure OpenAI, OpenAI-compatible servers
 * and the LiveKit Inference gateway share. Thread-safe.
 */
public final class ChatCompletionsEngine {

  private final ChatEndpoint endpoint;
  private final ChatCompletionsBody body;
  private final HttpStreams streams;

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
    this.streams = new HttpStreams(errors, runtime);
  }

  /** Starts streaming {@code request} to {@code generation.model()}; returns at once. */
  public LlmStream start(LlmRequest request, Generation generation, LlmStreamListener listener) {
    return streams.start(generation, new ChatCompletionsExchange(body, endpoint, request, generation.model()), listener);
  }
}
