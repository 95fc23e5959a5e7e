package dev.chatstream.benchmarks;

import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Protocol;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * An OkHttp application interceptor that answers every call with the same recorded event stream,
 * before any connection is made: the connector's whole path runs, except the network.
 */
final class RecordedResponse implements Interceptor {
  private static final MediaType EVENT_STREAM = MediaType.get("text/event-stream; charset=utf-8");

  private final byte[] body;

  RecordedResponse(byte[] body) {
    this.body = body;
  }

  @Override
  public Response intercept(Chain chain) {
    return new Response.Builder()
        .request(chain.request())
        .protocol(Protocol.HTTP_1_1)
        .code(200)
        .message("OK")
        .header("x-request-id", "req_benchmark")
        .body(ResponseBody.create(body, EVENT_STREAM))
        .build();
  }
}
