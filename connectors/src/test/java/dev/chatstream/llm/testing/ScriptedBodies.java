package dev.chatstream.llm.testing;

import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import mockwebserver3.MockResponse;
import mockwebserver3.MockResponseBody;
import mockwebserver3.SocketEffect;
import okio.Buffer;
import okio.BufferedSink;

/** Response bodies that misbehave on purpose, for MockWebServer. */
public final class ScriptedBodies {

  private ScriptedBodies() {}

  /**
   * A response that sends {@code prefix}, then closes the socket in the middle of its declared body:
   * the client sees the connection drop.
   */
  public static MockResponse dropAfter(byte[] prefix, String contentType) {
    String filler = ":" + "x".repeat(Math.max(0, prefix.length - 2)) + "\n";
    return new MockResponse.Builder()
        .addHeader("Content-Type", contentType)
        .body(new Buffer().write(prefix).writeUtf8(filler))
        .onResponseBody(new SocketEffect.CloseSocket(true, false, false))
        .build();
  }

  /**
   * Sends {@code prefix}, then keeps the stream open, sending {@code keepAlive} every 25 ms, until the
   * client goes away, and then opens {@code clientGone}.
   */
  public static MockResponseBody holdOpenAfter(byte[] prefix, byte[] keepAlive, CountDownLatch clientGone) {
    return new MockResponseBody() {
      @Override
      public long getContentLength() {
        return -1;
      }

      @Override
      public void writeTo(BufferedSink sink) throws IOException {
        sink.write(prefix);
        sink.flush();
        try {
          for (int i = 0; i < 400; i++) {
            Thread.sleep(25);
            sink.write(keepAlive);
            sink.flush();
          }
        } catch (IOException closed) {
          clientGone.countDown();
          throw closed;
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    };
  }
}
