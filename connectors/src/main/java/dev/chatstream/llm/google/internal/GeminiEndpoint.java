package dev.chatstream.llm.google.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chatstream.llm.google.GoogleOptions;
import dev.chatstream.llm.internal.http.Urls;
import dev.chatstream.llm.internal.stream.JsonPost;
import java.util.function.Supplier;
import okhttp3.Headers;
import okhttp3.HttpUrl;

/**
 * Where a Gemini request goes and how it is authorized: {@code /v1beta/models/{model}} on the Gemini
 * API, {@code /v1/publishers/google/models/{model}} on Vertex AI in express mode, or
 * {@code /v1/projects/{project}/locations/{location}/publishers/google/models/{model}} on a project's
 * Vertex AI, each with {@code :streamGenerateContent?alt=sse}. The key goes in {@code x-goog-api-key}
 * (never in the URL, which logs and errors may show); access tokens as a bearer, fresh each attempt.
 */
public final class GeminiEndpoint {

  private final HttpUrl modelsUrl;
  private final String apiKey;
  private final Supplier<String> accessTokens;

  private GeminiEndpoint(HttpUrl modelsUrl, String apiKey, Supplier<String> accessTokens) {
    this.modelsUrl = modelsUrl;
    this.apiKey = apiKey;
    this.accessTokens = accessTokens;
  }

  /** The endpoint these options name. */
  public static GeminiEndpoint of(GoogleOptions options) {
    HttpUrl base = HttpUrl.get(options.baseUrl());
    if (!options.vertexAi()) {
      return new GeminiEndpoint(Urls.under(base, "v1beta/models"), options.apiKey(), null);
    }
    if (!options.usesAccessTokens()) {
      return new GeminiEndpoint(Urls.under(base, "v1/publishers/google/models"), options.apiKey(), null);
    }
    HttpUrl models = Urls.under(base, "v1/projects").newBuilder().addPathSegment(options.project())
        .addPathSegment("locations").addPathSegment(options.location())
        .addPathSegments("publishers/google/models").build();
    return new GeminiEndpoint(models, null, options.accessTokens());
  }

  /** The streaming POST of {@code body} to {@code model}. */
  public JsonPost post(String model, Supplier<? extends JsonNode> body) {
    String name = model.startsWith("models/") ? model.substring("models/".length()) : model;
    HttpUrl url = modelsUrl.newBuilder().addPathSegment(name + ":streamGenerateContent")
        .addQueryParameter("alt", "sse").build();
    return new JsonPost(url, this::headers, body);
  }

  private Headers headers() {
    Headers.Builder headers = new Headers.Builder().add("Accept", "text/event-stream");
    if (apiKey != null) {
      headers.add("x-goog-api-key", apiKey);
    } else {
      headers.add("Authorization", "Bearer " + accessTokens.get());
    }
    return headers.build();
  }
}
