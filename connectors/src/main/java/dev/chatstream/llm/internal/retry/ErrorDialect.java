package dev.chatstream.llm.internal.retry;

import com.fasterxml.jackson.databind.JsonNode;
import okhttp3.Headers;

/**
 * How one provider's error responses read: the readable detail of an error body. The status decides
 * the error kind and whether another attempt may succeed; the dialect only says what went wrong.
 */
@FunctionalInterface
public interface ErrorDialect {

  /**
   * The OpenAI shape, which most providers share: {@code error.message}, a string {@code error}, or a
   * top-level {@code message}.
   */
  ErrorDialect DEFAULT = (headers, body) -> {
    JsonNode error = body.path("error");
    if (error.path("message").isTextual()) {
      return error.get("message").asText();
    }
    if (error.isTextual()) {
      return error.asText();
    }
    return body.path("message").isTextual() ? body.get("message").asText() : null;
  };

  /**
   * The detail of an error response.
   *
   * @param headers the response headers
   * @param body the error body, parsed (a missing node when it is not JSON)
   * @return the detail, or null to fall back to the reason phrase
   */
  String detail(Headers headers, JsonNode body);
}
