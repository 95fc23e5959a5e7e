package dev.chatstream.llm.livekit.internal;

import dev.chatstream.llm.internal.chatcompletions.ChatEndpoint;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * The gateway's {@code /chat/completions}, with a bearer token made fresh for every attempt and the
 * {@code X-LiveKit-Inference-Provider} header when a provider is named.
 */
public final class LiveKitEndpoint implements ChatEndpoint {

  /** The header naming the upstream provider. */
  public static final String PROVIDER_HEADER = "X-LiveKit-Inference-Provider";

  private final HttpUrl url;
  private final AccessTokens tokens;
  private final String provider;

  /**
   * The endpoint under {@code baseUrl}.
   *
   * @param baseUrl the gateway root
   * @param tokens makes the bearer tokens
   * @param provider the upstream provider, or null to let the gateway choose
   */
  public LiveKitEndpoint(HttpUrl baseUrl, AccessTokens tokens, String provider) {
    HttpUrl.Builder builder = baseUrl.newBuilder();
    for (int i = baseUrl.pathSize() - 1; i >= 0; i--) {
      if (baseUrl.pathSegments().get(i).isEmpty()) {
        builder.removePathSegment(i);
      }
    }
    this.url = builder.addPathSegment("chat").addPathSegment("completions").build();
    this.tokens = tokens;
    this.provider = provider;
  }

  @Override
  public Request request(RequestBody body) {
    Request.Builder request = new Request.Builder().url(url).post(body)
        .header("Accept", "text/event-stream")
        .header("Authorization", "Bearer " + tokens.create());
    if (provider != null && !provider.isBlank()) {
      request.header(PROVIDER_HEADER, provider);
    }
    return request.build();
  }

  @Override
  public String toString() {
    return "LiveKitEndpoint[" + url + "]";
  }
}
