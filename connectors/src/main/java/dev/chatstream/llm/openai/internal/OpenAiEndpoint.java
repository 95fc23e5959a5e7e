package dev.chatstream.llm.openai.internal;

import dev.chatstream.llm.internal.chatcompletions.ChatEndpoint;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * {@code {baseUrl}/chat/completions} with a bearer key (none for a server without authentication)
 * and the optional {@code OpenAI-Organization} and {@code OpenAI-Project} headers.
 *
 * @param url the chat completions URL
 * @param apiKey the key, or null
 * @param organization the organization id, or null
 * @param project the project id, or null
 */
public record OpenAiEndpoint(HttpUrl url, String apiKey, String organization, String project) implements ChatEndpoint {

  /** The endpoint under {@code baseUrl} (which may end with a slash). */
  public static OpenAiEndpoint under(HttpUrl baseUrl, String apiKey, String organization, String project) {
    HttpUrl url = baseUrl.newBuilder().addPathSegments("chat/completions").build();
    return new OpenAiEndpoint(withoutEmptySegments(url), apiKey, organization, project);
  }

  @Override
  public Request request(RequestBody body) {
    Request.Builder request = new Request.Builder().url(url).post(body).header("Accept", "text/event-stream");
    if (apiKey != null && !apiKey.isBlank()) {
      request.header("Authorization", "Bearer " + apiKey);
    }
    if (organization != null && !organization.isBlank()) {
      request.header("OpenAI-Organization", organization);
    }
    if (project != null && !project.isBlank()) {
      request.header("OpenAI-Project", project);
    }
    return request.build();
  }

  @Override
  public String toString() {
    return "OpenAiEndpoint[" + url + "]";
  }

  private static HttpUrl withoutEmptySegments(HttpUrl url) {
    HttpUrl.Builder builder = url.newBuilder();
    for (int i = url.pathSize() - 1; i >= 0; i--) {
      if (url.pathSegments().get(i).isEmpty()) {
        builder.removePathSegment(i);
      }
    }
    return builder.build();
  }
}
