package dev.chatstream.llm.openai;

import dev.chatstream.llm.LlmProvider;
import dev.chatstream.llm.LlmRequest;
import dev.chatstream.llm.LlmStream;
import dev.chatstream.llm.LlmStreamListener;
import dev.chatstream.llm.openai.internal.AzureEndpoint;
import dev.chatstream.llm.internal.chatcompletions.BodyRules;
import dev.chatstream.llm.internal.chatcompletions.ChatCompletionsEngine;
import dev.chatstream.llm.internal.chatcompletions.ChatEndpoint;
import dev.chatstream.llm.openai.internal.OpenAiEndpoint;
import dev.chatstream.llm.internal.retry.ConnectorRuntime;
import dev.chatstream.llm.internal.retry.ExceptionMapper;
import dev.chatstream.llm.internal.retry.Generation;
import java.util.Arrays;
import java.util.Map;
import okhttp3.HttpUrl;

/**
 * Streams replies from the OpenAI Chat Completions API, an OpenAI-compatible server, or an Azure OpenAI
 * deployment. Each request is sent with {@code stream: true} and usage included, tools in strict mode,
 * and the model family's rules applied (sampling parameters dropped for o-series and gpt-5, a low
 * default reasoning effort for gpt-5). Thread-safe; one instance serves any number of concurrent
 * generations over the shared HTTP client.
 *
 * <pre>{@code
 * LlmProvider openai = OpenAiChatProvider.create(OpenAiChatOptions.fromEnvironment("gpt-4.1-mini"));
 * LlmProvider ollama = OpenAiChatProvider.create(
 *     OpenAiChatOptions.compatible("http://localhost:11434/v1", "llama3.1").withProviderName("ollama"));
 * LlmProvider azure = OpenAiChatProvider.azure(AzureOpenAiOptions.fromEnvironment("gpt-4o-mini"));
 * LlmStream stream = openai.chat(LlmRequest.of("req-1", context), listener);
 * }</pre>
 */
public final class OpenAiChatProvider implements LlmProvider {

  private static final BodyRules RULES = new BodyRules(false, true);

  private final String label;
  private final String model;
  private final String provider;
  private final ChatCompletionsEngine engine;

  private OpenAiChatProvider(
      String label, String model, String provider, ChatEndpoint endpoint, Map<String, Object> extraOptions,
      ExceptionMapper errors, ConnectorRuntime runtime) {
    this.label = label;
    this.model = model;
    this.provider = provider;
    this.engine = new ChatCompletionsEngine(endpoint, RULES, extraOptions, errors, runtime);
  }

  /** A provider for OpenAI or an OpenAI-compatible server, on the shared HTTP client. */
  public static OpenAiChatProvider create(OpenAiChatOptions options) {
    return create(options, ConnectorRuntime.defaults());
  }

  /** A provider for OpenAI or an OpenAI-compatible server, on {@code runtime}. */
  public static OpenAiChatProvider create(OpenAiChatOptions options, ConnectorRuntime runtime) {
    ChatEndpoint endpoint = OpenAiEndpoint.under(
        HttpUrl.get(options.baseUrl()), options.apiKey(), options.organization(), options.project());
    ExceptionMapper errors = ExceptionMapper.redacting(Arrays.asList(options.apiKey()));
    return new OpenAiChatProvider(options.label(), options.model(), options.providerName(), endpoint,
        options.extraOptions(), errors, runtime);
  }

  /** A provider for an Azure OpenAI deployment, on the shared HTTP client. */
  public static OpenAiChatProvider azure(AzureOpenAiOptions options) {
    return azure(options, ConnectorRuntime.defaults());
  }

  /** A provider for an Azure OpenAI deployment, on {@code runtime}. */
  public static OpenAiChatProvider azure(AzureOpenAiOptions options, ConnectorRuntime runtime) {
    ChatEndpoint endpoint = AzureEndpoint.of(
        HttpUrl.get(options.endpoint()), options.deployment(), options.apiVersion(), options.apiKey());
    ExceptionMapper errors = ExceptionMapper.redacting(Arrays.asList(options.apiKey()));
    return new OpenAiChatProvider(options.label(), options.model(), "azure", endpoint, options.extraOptions(),
        errors, runtime);
  }

  @Override
  public String label() {
    return label;
  }

  @Override
  public String model() {
    return model;
  }

  @Override
  public String provider() {
    return provider;
  }

  @Override
  public LlmStream chat(LlmRequest request, LlmStreamListener listener) {
    String requestModel = request.model() != null ? request.model() : model;
    Generation generation =
        new Generation(label, provider, requestModel, request.requestId(), request.connectOptions());
    return engine.start(request, generation, listener);
  }

  @Override
  public String toString() {
    return "OpenAiChatProvider[" + label + ", " + model + "]";
  }
}
