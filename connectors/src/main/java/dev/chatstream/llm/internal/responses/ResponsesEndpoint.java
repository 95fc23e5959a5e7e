package dev.chatstream.llm.internal.responses;

import okhttp3.HttpUrl;
import okhttp3.Request;

/**
 * An OpenAI Responses API root and its credentials: {@code {base}/responses} for streaming over HTTP
 * and as the WebSocket URL, {@code {base}/conversations} for provider-side conversations, a bearer
 * key (none for a server without authentication) and the optional {@code OpenAI-Organization} and
 * {@code OpenAI-Project} headers. {@code toString} never shows the key.
 *
 * @param baseUrl the API root, without a trailing slash
 * @param apiKey the key, or null
 * @param organization the organization id, or null
 * @param project the project id, or null
 */
public record ResponsesEndpoint(HttpUrl baseUrl, String apiKey, String organization, String project) {

  private static final String OPENAI_HOST = "api.openai.com";

  /** The endpoint under {@code baseUrl}, which may end with a slash. */
  public static ResponsesEndpoint under(HttpUrl baseUrl, String apiKey, String organization, String project) {
    HttpUrl.Builder trimmed = baseUrl.newBuilder();
    for (int i = baseUrl.pathSize() - 1; i >= 0; i--) {
      if (baseUrl.pathSegments().get(i).isEmpty()) {
        trimmed.removePathSegment(i);
      }
    }
    return new ResponsesEndpoint(trimmed.build(), apiKey, organization, project);
  }

  /** What provider states name as their endpoint: the API root as text. */
  public String identity() {
    String text = baseUrl.toString();
    return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
  }

  /** {@code {base}/responses}. */
  public HttpUrl responsesUrl() {
    return baseUrl.newBuilder().addPathSegment("responses").build();
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
    HttpUrl.Builder url = baseUrl.newBuilder().addPathSegment("conversations");
    for (String segment : segments) {
      url.addPathSegment(segment);
    }
    return url.build();
  }

  /** A request to {@code url} with the credential headers. */
  public Request.Builder authorized(HttpUrl url) {
    Request.Builder request = new Request.Builder().url(url);
    if (apiKey != null && !apiKey.isBlank()) {
      request.header("Authorization", "Bearer " + apiKey);
    }
    if (organization != null && !organization.isBlank()) {
      request.header("OpenAI-Organization", organization);
    }
    if (project != null && !project.isBlank()) {
      request.header("OpenAI-Project", project);
    }
    return request;
  }

  @Override
  public String toString() {
    return "ResponsesEndpoint[" + identity() + "]";
  }
}
