package dev.chatstream.llm.openai.internal;

import dev.chatstream.llm.internal.chatcompletions.ChatEndpoint;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * An Azure OpenAI deployment: {@code {endpoint}/openai/deployments/{deployment}/chat/completions
 * ?api-version=...} with the key in an {@code api-key} header.
 *
 * @param url the deployment's chat completions URL
 * @param apiKey the key
 */
public record AzureEndpoint(HttpUrl url, String apiKey) implements ChatEndpoint {

  /** The endpoint of {@code deployment} under the resource URL {@code endpoint}. */
  public static AzureEndpoint of(HttpUrl endpoint, String deployment, String apiVersion, String apiKey) {
    HttpUrl.Builder url = endpoint.newBuilder();
    for (int i = endpoint.pathSize() - 1; i >= 0; i--) {
      if (endpoint.pathSegments().get(i).isEmpty()) {
        url.removePathSegment(i);
      }
    }
    url.addPathSegment("openai").addPathSegment("deployments").addPathSegment(deployment)
        .addPathSegment("chat").addPathSegment("completions")
        .setQueryParameter("api-version", apiVersion);
    return new AzureEndpoint(url.build(), apiKey);
  }

  @Override
  public Request request(RequestBody body) {
    return new Request.Builder().url(url).post(body)
        .header("Accept", "text/event-stream")
        .header("api-key", apiKey)
        .build();
  }

  @Override
  public String toString() {
    return "AzureEndpoint[" + url + "]";
  }
}
