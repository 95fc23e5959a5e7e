package dev.chatstream.llm.internal.stream;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chatstream.llm.internal.json.Json;
import java.io.IOException;
import java.util.function.Supplier;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * The POST of a JSON body to one URL, repeated by every attempt of a generation: the body is built and
 * written once, on the first attempt, so a request that cannot be built fails that attempt for good.
 * Not thread-safe: the attempts of one generation run one after the other.
 */
public final class JsonPost {

  /** The content type of every body. */
  public static final MediaType JSON = MediaType.get("application/json");

  private final HttpUrl url;
  private final Supplier<Headers> headers;
  private final Supplier<? extends JsonNode> body;
  private byte[] bytes;

  /**
   * A POST of {@code body} to {@code url}.
   *
   * @param url where it goes
   * @param headers makes the headers of one attempt, credentials included (a fresh token where the
   *     provider needs one)
   * @param body builds the body; may throw {@link IllegalArgumentException} or a format error
   */
  public JsonPost(HttpUrl url, Supplier<Headers> headers, Supplier<? extends JsonNode> body) {
    this.url = url;
    this.headers = headers;
    this.body = body;
  }

  /** Where it goes. */
  public HttpUrl url() {
    return url;
  }

  /** The body as sent, built on the first call. */
  public byte[] bytes() throws IOException {
    if (bytes == null) {
      bytes = Json.mapper().writeValueAsBytes(body.get());
    }
    return bytes;
  }

  /** The request of one attempt. */
  public Request request() throws IOException {
    return new Request.Builder().url(url).headers(headers.get()).post(RequestBody.create(bytes(), JSON)).build();
  }
}
