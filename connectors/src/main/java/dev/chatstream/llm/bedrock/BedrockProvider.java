package dev.chatstream.llm.bedrock;

import dev.chatstream.llm.LlmProvider;
import dev.chatstream.llm.LlmRequest;
import dev.chatstream.llm.LlmStream;
import dev.chatstream.llm.LlmStreamListener;
import dev.chatstream.llm.bedrock.internal.BedrockExchange;
import dev.chatstream.llm.bedrock.internal.ConverseBody;
import dev.chatstream.llm.internal.http.Urls;
import dev.chatstream.llm.internal.retry.ConnectorRuntime;
import dev.chatstream.llm.internal.retry.ExceptionMapper;
import dev.chatstream.llm.internal.retry.Generation;
import dev.chatstream.llm.internal.stream.HttpStreams;
import dev.chatstream.llm.internal.stream.JsonPost;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import okhttp3.Headers;
import okhttp3.HttpUrl;

/**
 * Streams replies from Amazon Bedrock's ConverseStream API ({@code POST /model/{modelId}/converse-stream}),
 * signed with SigV4 by the AWS SDK's signer and read as an AWS binary event stream by the SDK's codec.
 * The conversation goes in the {@code aws} format (images inline only: an image URL is a clear error
 * before anything is sent); text deltas become text chunks, a {@code toolUse} block one tool call,
 * reasoning stays out of the text, and the {@code metadata} event brings the usage with cache counts.
 * {@code throttlingException} is retried, {@code validationException} is final. Thread-safe.
 *
 * <pre>{@code
 * LlmProvider bedrock = BedrockProvider.create(BedrockOptions.fromEnvironment("us.amazon.nova-micro-v1:0"));
 * }</pre>
 */
public final class BedrockProvider implements LlmProvider {

  /** The provider named in metrics. */
  public static final String PROVIDER = "bedrock";

  private final BedrockOptions options;
  private final ConverseBody body;
  private final HttpUrl modelsUrl;
  private final HttpStreams streams;

  private BedrockProvider(BedrockOptions options, ConnectorRuntime runtime) {
    this.options = options;
    this.body = new ConverseBody(options.extraOptions());
    this.modelsUrl = Urls.under(HttpUrl.get(options.baseUrl()), "model");
    this.streams = new HttpStreams(ExceptionMapper.redacting(List.of()), runtime);
  }

  /** A provider on the shared HTTP client. */
  public static BedrockProvider create(BedrockOptions options) {
    return create(options, ConnectorRuntime.defaults());
  }

  /** A provider on {@code runtime}. */
  public static BedrockProvider create(BedrockOptions options, ConnectorRuntime runtime) {
    return new BedrockProvider(options, runtime);
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
    HttpUrl url = modelsUrl.newBuilder()
        .addEncodedPathSegment(URLEncoder.encode(model, StandardCharsets.UTF_8))
        .addPathSegment("converse-stream").build();
    JsonPost post = new JsonPost(url, Headers::of, () -> body.build(request));
    return streams.start(generation, new BedrockExchange(post, options.region(), options.credentials()), listener);
  }

  @Override
  public String toString() {
    return "BedrockProvider[" + options.label() + ", " + options.model() + ", " + options.region() + "]";
  }
}
