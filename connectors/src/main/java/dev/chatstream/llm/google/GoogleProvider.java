package dev.chatstream.llm.google;

import dev.chatstream.llm.LlmProvider;
import dev.chatstream.llm.LlmRequest;
import dev.chatstream.llm.LlmStream;
import dev.chatstream.llm.LlmStreamListener;
import dev.chatstream.llm.google.internal.GeminiBody;
import dev.chatstream.llm.google.internal.GeminiEndpoint;
import dev.chatstream.llm.google.internal.GeminiErrors;
import dev.chatstream.llm.google.internal.GeminiStreamParser;
import dev.chatstream.llm.internal.retry.ConnectorRuntime;
import dev.chatstream.llm.internal.retry.ExceptionMapper;
import dev.chatstream.llm.internal.retry.Generation;
import dev.chatstream.llm.internal.stream.HttpStreams;
import dev.chatstream.llm.internal.stream.SseExchange;
import java.util.Arrays;

/**
 * Streams replies from Gemini ({@code streamGenerateContent?alt=sse}), on the Gemini API or Vertex AI.
 * The conversation goes in the {@code google} format with the system instruction apart; text parts
 * become text chunks (thought parts left out), each {@code functionCall} part a tool call whose
 * {@code thoughtSignature} is kept in its {@code extra} and sent back with the call on the next turn;
 * the usage (cached and thinking tokens included) comes at the end. A response blocked for safety (or
 * another content reason) fails with a final error naming the reason. Thread-safe.
 *
 * <pre>{@code
 * LlmProvider gemini = GoogleProvider.create(GoogleOptions.fromEnvironment("gemini-2.5-flash"));
 * }</pre>
 */
public final class GoogleProvider implements LlmProvider {

  /** The provider named in metrics. */
  public static final String PROVIDER = "google";

  private final GoogleOptions options;
  private final GeminiEndpoint endpoint;
  private final GeminiBody body;
  private final HttpStreams streams;

  private GoogleProvider(GoogleOptions options, ConnectorRuntime runtime) {
    this.options = options;
    this.endpoint = GeminiEndpoint.of(options);
    this.body = new GeminiBody(options.extraOptions());
    this.streams = new HttpStreams(ExceptionMapper.redacting(Arrays.asList(options.apiKey())), runtime);
  }

  /** A provider on the shared HTTP client. */
  public static GoogleProvider create(GoogleOptions options) {
    return create(options, ConnectorRuntime.defaults());
  }

  /** A provider on {@code runtime}. */
  public static GoogleProvider create(GoogleOptions options, ConnectorRuntime runtime) {
    return new GoogleProvider(options, runtime);
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
    SseExchange exchange = new SseExchange(endpoint.post(model, () -> body.build(request)),
        (response, errors) -> new GeminiStreamParser(errors, ExceptionMapper.requestId(response.headers())),
        GeminiErrors.DIALECT);
    return streams.start(generation, exchange, listener);
  }

  @Override
  public String toString() {
    return "GoogleProvider[" + options.label() + ", " + options.model() + "]";
  }
}
