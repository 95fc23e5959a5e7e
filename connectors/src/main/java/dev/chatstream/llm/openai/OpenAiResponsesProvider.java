package dev.chatstream.llm.openai;

import dev.chatstream.llm.LlmProvider;
import dev.chatstream.llm.LlmRequest;
import dev.chatstream.llm.LlmStream;
import dev.chatstream.llm.LlmStreamListener;
import dev.chatstream.llm.internal.responses.ResponsesEndpoint;
import dev.chatstream.llm.internal.responses.ResponsesEngine;
import dev.chatstream.llm.internal.retry.ConnectorRuntime;
import dev.chatstream.llm.internal.retry.ExceptionMapper;
import dev.chatstream.llm.internal.retry.Generation;
import java.util.Arrays;
import okhttp3.HttpUrl;

/**
 * Streams replies from the OpenAI Responses API ({@code /responses}) of OpenAI, an Azure OpenAI
 * resource or a compatible server, over a WebSocket ({@code response.create}, the default) or over
 * HTTP with server-sent events. Text, complete function calls, usage (cached and reasoning tokens)
 * and the finish reason of an incomplete response arrive as chunks; errors follow the shared
 * taxonomy and retry loop, as for Chat Completions.
 *
 * <p>The provider keeps no conversation state of its own: a request carries what the provider
 * already holds of the conversation ({@link LlmRequest#providerState()}), and the listener gets the
 * new state ({@link LlmStreamListener#onProviderState}) to store for the next request. With
 * {@link ResponsesState#PREVIOUS_RESPONSE} a request then sends only the items added since the last
 * response, with {@code previous_response_id}; with {@link ResponsesState#CONVERSATION} the
 * conversation lives on the provider and requests name it. Thread-safe; one instance serves any
 * number of concurrent generations and conversations.
 *
 * <pre>{@code
 * LlmProvider openai = OpenAiResponsesProvider.create(OpenAiResponsesOptions.fromEnvironment("gpt-4.1-mini"));
 * LlmProvider azure = OpenAiResponsesProvider.create(
 *     OpenAiResponsesOptions.azure("https://my-resource.openai.azure.com", "gpt-4o-mini", key));
 * LlmStream stream = openai.chat(LlmRequest.of("req-1", context).withProviderState(stored), listener);
 * }</pre>
 */
public final class OpenAiResponsesProvider implements LlmProvider {

  private final OpenAiResponsesOptions options;
  private final ResponsesEngine engine;

  private OpenAiResponsesProvider(OpenAiResponsesOptions options, ResponsesEngine engine) {
    this.options = options;
    this.engine = engine;
  }

  /** A provider on the shared HTTP client. */
  public static OpenAiResponsesProvider create(OpenAiResponsesOptions options) {
    return create(options, ConnectorRuntime.defaults());
  }

  /** A provider on {@code runtime}. */
  public static OpenAiResponsesProvider create(OpenAiResponsesOptions options, ConnectorRuntime runtime) {
    ResponsesEndpoint endpoint = new ResponsesEndpoint(
        HttpUrl.get(options.baseUrl()), options.apiKey(), options.organization(), options.project());
    ExceptionMapper errors = ExceptionMapper.redacting(Arrays.asList(options.apiKey()));
    return new OpenAiResponsesProvider(options, new ResponsesEngine(options, endpoint, errors, runtime));
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
    return options.providerName();
  }

  @Override
  public LlmStream chat(LlmRequest request, LlmStreamListener listener) {
    String requestModel = request.model() != null ? request.model() : options.model();
    Generation generation = new Generation(options.label(), options.providerName(), requestModel,
        request.requestId(), request.connectOptions());
    return engine.start(request, generation, listener);
  }

  /** Closes this provider's idle WebSockets; the shared HTTP client stays open. */
  @Override
  public void close() {
    engine.close();
  }

  @Override
  public String toString() {
    return "OpenAiResponsesProvider[" + options.label() + ", " + options.model() + "]";
  }
}
