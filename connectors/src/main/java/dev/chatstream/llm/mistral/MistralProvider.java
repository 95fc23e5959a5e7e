package dev.chatstream.llm.mistral;

import dev.chatstream.llm.LlmProvider;
import dev.chatstream.llm.LlmRequest;
import dev.chatstream.llm.LlmStream;
import dev.chatstream.llm.LlmStreamListener;
import dev.chatstream.llm.internal.chatcompletions.ChatCompletionsParser;
import dev.chatstream.llm.internal.http.Urls;
import dev.chatstream.llm.internal.retry.ConnectorRuntime;
import dev.chatstream.llm.internal.retry.ExceptionMapper;
import dev.chatstream.llm.internal.retry.Generation;
import dev.chatstream.llm.internal.stream.HttpStreams;
import dev.chatstream.llm.internal.stream.JsonPost;
import dev.chatstream.llm.internal.stream.SseExchange;
import dev.chatstream.llm.mistral.internal.MistralBody;
import dev.chatstream.llm.mistral.internal.MistralErrors;
import java.util.List;
import okhttp3.Headers;
import okhttp3.HttpUrl;

/**
 * Streams replies from Mistral's chat completions API ({@code POST /v1/chat/completions},
 * {@code stream: true}). The conversation goes in Mistral's own {@code mistralai} format, sent as chat
 * messages whose tool-call ids are Mistral's nine letters and digits (other providers' ids are mapped
 * to such ids, the same for a call and its output); the stream is read as Chat Completions chunks
 * (text, complete tool calls, thinking chunks left out, usage in the last chunk), and errors as Mistral
 * writes them. Thread-safe.
 *
 * <pre>{@code
 * LlmProvider mistral = MistralProvider.create(MistralOptions.fromEnvironment("mistral-small-latest"));
 * }</pre>
 */
public final class MistralProvider implements LlmProvider {

  /** The provider named in metrics. */
  public static final String PROVIDER = "mistral";

  private final MistralOptions options;
  private final MistralBody body;
  private final HttpUrl url;
  private final Headers headers;
  private final HttpStreams streams;

  private MistralProvider(MistralOptions options, ConnectorRuntime runtime) {
    this.options = options;
    this.body = new MistralBody(options.extraOptions());
    this.url = Urls.under(HttpUrl.get(options.baseUrl()), "chat/completions");
    this.headers = new Headers.Builder().add("Authorization", "Bearer " + options.apiKey())
        .add("Accept", "text/event-stream").build();
    this.streams = new HttpStreams(ExceptionMapper.redacting(List.of(options.apiKey())), runtime);
  }

  /** A provider on the shared HTTP client. */
  public static MistralProvider create(MistralOptions options) {
    return create(options, ConnectorRuntime.defaults());
  }

  /** A provider on {@code runtime}. */
  public static MistralProvider create(MistralOptions options, ConnectorRuntime runtime) {
    return new MistralProvider(options, runtime);
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
    return PROVIDER;
  }

  @Override
  public LlmStream chat(LlmRequest request, LlmStreamListener listener) {
    String model = request.model() != null ? request.model() : options.model();
    Generation generation = new Generation(options.label(), PROVIDER, model, request.requestId(),
        request.connectOptions());
    SseExchange exchange = new SseExchange(new JsonPost(url, () -> headers, () -> body.build(request, model)),
        (response, errors) -> ChatCompletionsParser.of(errors, ExceptionMapper.requestId(response.headers())),
        MistralErrors.DIALECT);
    return streams.start(generation, exchange, listener);
  }

  @Override
  public String toString() {
    return "MistralProvider[" + options.label() + ", " + options.model() + "]";
  }
}
