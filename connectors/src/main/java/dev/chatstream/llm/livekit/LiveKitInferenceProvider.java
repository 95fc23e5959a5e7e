package dev.chatstream.llm.livekit;

import dev.chatstream.llm.LlmProvider;
import dev.chatstream.llm.LlmRequest;
import dev.chatstream.llm.LlmStream;
import dev.chatstream.llm.LlmStreamListener;
import dev.chatstream.llm.livekit.internal.AccessTokens;
import dev.chatstream.llm.livekit.internal.LiveKitEndpoint;
import dev.chatstream.llm.internal.chatcompletions.BodyRules;
import dev.chatstream.llm.internal.chatcompletions.ChatCompletionsEngine;
import dev.chatstream.llm.internal.retry.ConnectorRuntime;
import dev.chatstream.llm.internal.retry.ExceptionMapper;
import dev.chatstream.llm.internal.retry.Generation;
import java.time.Clock;
import java.util.List;
import okhttp3.HttpUrl;

/**
 * Streams replies from the LiveKit Inference gateway, which speaks Chat Completions for many upstream
 * providers. Every attempt carries a fresh HS256 token made from the API key and secret. Model strings
 * pass verbatim ({@code openai/gpt-4.1-mini}); the options' extra options override a request's;
 * sampling parameters are dropped for reasoning models. Thread-safe.
 *
 * <pre>{@code
 * LlmProvider livekit = LiveKitInferenceProvider.create(
 *     LiveKitInferenceOptions.fromEnvironment("openai/gpt-4.1-mini").withProvider("openai"));
 * }</pre>
 */
public final class LiveKitInferenceProvider implements LlmProvider {

  private static final BodyRules RULES = new BodyRules(true, false);

  private final LiveKitInferenceOptions options;
  private final ChatCompletionsEngine engine;

  private LiveKitInferenceProvider(LiveKitInferenceOptions options, ConnectorRuntime runtime, Clock clock) {
    this.options = options;
    AccessTokens tokens = new AccessTokens(options.apiKey(), options.apiSecret(), clock);
    LiveKitEndpoint endpoint = new LiveKitEndpoint(HttpUrl.get(options.baseUrl()), tokens, options.provider());
    ExceptionMapper errors = ExceptionMapper.redacting(List.of(options.apiKey(), options.apiSecret()));
    this.engine = new ChatCompletionsEngine(endpoint, RULES, options.extraOptions(), errors, runtime);
  }

  /** A provider on the shared HTTP client. */
  public static LiveKitInferenceProvider create(LiveKitInferenceOptions options) {
    return create(options, ConnectorRuntime.defaults());
  }

  /** A provider on {@code runtime}. */
  public static LiveKitInferenceProvider create(LiveKitInferenceOptions options, ConnectorRuntime runtime) {
    return create(options, runtime, Clock.systemUTC());
  }

  /** A provider whose tokens are stamped by {@code clock}. */
  static LiveKitInferenceProvider create(LiveKitInferenceOptions options, ConnectorRuntime runtime, Clock clock) {
    return new LiveKitInferenceProvider(options, runtime, clock);
  }

  @Override
  public String label() {
    return options.label();
  }

  @Override
  public String model() {
    return options.model();
  }

  @Override
  public String provider() {
    return "livekit";
  }

  @Override
  public LlmStream chat(LlmRequest request, LlmStreamListener listener) {
    String model = request.model() != null ? request.model() : options.model();
    Generation generation =
        new Generation(options.label(), provider(), model, request.requestId(), request.connectOptions());
    return engine.start(request, generation, listener);
  }

  @Override
  public String toString() {
    return "LiveKitInferenceProvider[" + options.label() + ", " + options.model() + "]";
  }
}
