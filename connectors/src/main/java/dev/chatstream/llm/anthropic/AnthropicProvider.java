package dev.chatstream.llm.anthropic;

import dev.chatstream.llm.LlmProvider;
import dev.chatstream.llm.LlmRequest;
import dev.chatstream.llm.LlmStream;
import dev.chatstream.llm.LlmStreamListener;
import dev.chatstream.llm.anthropic.internal.AnthropicBody;
import dev.chatstream.llm.anthropic.internal.AnthropicErrors;
import dev.chatstream.llm.anthropic.internal.AnthropicStreamParser;
import dev.chatstream.llm.internal.http.Urls;
import dev.chatstream.llm.internal.retry.ConnectorRuntime;
import dev.chatstream.llm.internal.retry.ExceptionMapper;
import dev.chatstream.llm.internal.retry.Generation;
import dev.chatstream.llm.internal.stream.HttpStreams;
import dev.chatstream.llm.internal.stream.JsonPost;
import dev.chatstream.llm.internal.stream.SseExchange;
import java.util.List;
import okhttp3.Headers;
import okhttp3.HttpUrl;

/**
 * Streams replies from Anthropic's Messages API ({@code POST /v1/messages} with {@code stream: true}).
 * The conversation goes in the {@code anthropic} format with the system prompt apart; text deltas become
 * text chunks, a {@code tool_use} block becomes one tool call once its input is complete, thinking
 * blocks stay out of the text, and the usage (with Anthropic's cache counts) comes at
 * {@code message_stop}. Thread-safe.
 *
 * <pre>{@code
 * LlmProvider claude = AnthropicProvider.create(AnthropicOptions.fromEnvironment("claude-sonnet-4-20250514"));
 * }</pre>
 */
public final class AnthropicProvider implements LlmProvider {

  /** The provider named in metrics. */
  public static final String PROVIDER = "anthropic";

  private final AnthropicOptions options;
  private final AnthropicBody body;
  private final HttpUrl messagesUrl;
  private final Headers headers;
  private final HttpStreams streams;

  private AnthropicProvider(AnthropicOptions options, ConnectorRuntime runtime) {
    this.options = options;
    this.body = new AnthropicBody(options.maxTokens(), options.promptCaching(), options.extraOptions());
    this.messagesUrl = Urls.under(HttpUrl.get(options.baseUrl()), "v1/messages");
    this.headers = new Headers.Builder()
        .add("x-api-key", options.apiKey())
        .add("anthropic-version", options.apiVersion())
        .add("Accept", "text/event-stream")
        .build();
    this.streams = new HttpStreams(ExceptionMapper.redacting(List.of(options.apiKey())), runtime);
  }

  /** A provider on the shared HTTP client. */
  public static AnthropicProvider create(AnthropicOptions options) {
    return create(options, ConnectorRuntime.defaults());
  }

  /** A provider on {@code runtime}. */
  public static AnthropicProvider create(AnthropicOptions options, ConnectorRuntime runtime) {
    return new AnthropicProvider(options, runtime);
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
    JsonPost post = new JsonPost(messagesUrl, () -> headers, () -> body.build(request, model));
    SseExchange exchange = new SseExchange(post,
        (response, errors) -> new AnthropicStreamParser(errors, ExceptionMapper.requestId(response.headers())),
        AnthropicErrors.DIALECT);
    return streams.start(generation, exchange, listener);
  }

  @Override
  public String toString() {
    return "AnthropicProvider[" + options.label() + ", " + options.model() + "]";
  }
}
