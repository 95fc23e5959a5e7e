package dev.chatstream.llm.internal.http;

import okhttp3.HttpUrl;

/** Endpoint URLs under a configured root. */
public final class Urls {

  private Urls() {}

  /**
   * {@code segments} (already encoded, separated by {@code /}) appended to the path of {@code base},
   * whose trailing slash, if any, is dropped first: {@code https://host/v1/} + {@code chat/completions}
   * is {@code https://host/v1/chat/completions}.
   */
  public static HttpUrl under(HttpUrl base, String segments) {
    HttpUrl.Builder url = base.newBuilder();
    for (int i = base.pathSize() - 1; i >= 0; i--) {
      if (base.pathSegments().get(i).isEmpty()) {
        url.removePathSegment(i);
      }
    }
    return url.addEncodedPathSegments(segments).build();
  }
}
