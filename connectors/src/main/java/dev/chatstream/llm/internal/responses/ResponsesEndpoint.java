package dev.chatstream.llm.internal.responses;

import dev.chatstream.llm.internal.http.Urls;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.Request;

/**
 * An OpenAI Responses API root and its credentials: {@code {base}/responses} for streaming over HTTP
 * and as the WebSocket URL, {@code {base}/conversations} for provider-side conversations, a bearer
 * key (none for a server without authentication) and the optional {@code OpenAI-Organization} and
 * {@code OpenAI-Project} headers. {@code toString} never shows the key.
 *
 * @param baseUrl the API root, with or without a trailing slash
 * @param apiKey the key, or null
 * @param organization the organization id, or null
 * @param project the project id, or null
 */
public record ResponsesEndpoint(HttpUrl baseUrl, String apiKey, String organization, String project) {

  private static final String OPENAI_HOST = "api.openai.com";

  /** What provider states name as their endpoint: the API root as text, without a trailing slash. */
  public String identity() {
    String text = baseUrl.toString();
    return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
  }

  /** {@code {base}/responses}. */
  public HttpUrl responsesUrl() {
    return Urls.under(baseUrl, "responses");
  }

  /**
   * The WebSocket URL: {@code {base}/responses}, with {@code ?model=} for hosts other than OpenAI's,
   * which route the socket by model before the first message.
   */
  public HttpUrl webSocketUrl(String model) {
    HttpUrl url = responsesUrl();
    return OPENAI_HOST.equals(url.host()) ? url : url.newBuilder().addQueryParameter("model", model).build();
  }

  /** {@code {base}/conversations}, followed by {@code segments}. */
  public HttpUrl conversationsUrl(String... segments) {
    HttpUrl.Builder url = Urls.under(baseUrl, "conversations").newBuilder();
    for (String segment : segments) {
      url.addPathSegment(segment);
    }
    return url.build();
  }

  /** The credential headers. */
  public Headers headers() {
    Headers.Builder headers = new Headers.Builder();
    if (apiKey != null && !apiKey.isBlank()) {
      headers.set("Authorization", "Bearer " + apiKey);
    }
    if (organization != null && !organization.isBlank()) {
      headers.set("OpenAI-Organization", organization);
    }
    if (project != null && !project.isBlank()) {
      headers.set("OpenAI-Project", project);
    }
    return headers.build();
  }

  /** A request to {@code url} with the credential headers. */
  public Request.Builder authorized(HttpUrl url) {
    return new Request.Builder().url(url).headers(headers());
  }

  @Override
  public String toString() {
    return "ResponsesEndpoint[" + identity() + "]";
  }
}
