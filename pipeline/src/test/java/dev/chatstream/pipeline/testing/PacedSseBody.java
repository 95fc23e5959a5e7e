package dev.chatstream.pipeline.testing;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.MockResponseBody;
import okio.BufferedSink;

/**
 * A {@code text/event-stream} body that sends a recorded stream one event at a time, {@code delay}
 * apart, so a generation stays in flight while a test acts; it reports when the client goes away
 * in the middle of it.
 */
final class PacedSseBody implements MockResponseBody {
  private final List<String> events;
  private final Duration delay;
  private final Runnable onClientGone;

  PacedSseBody(String recordedStream, Duration delay, Runnable onClientGone) {
    this.events = split(recordedStream);
    this.delay = delay;
    this.onClientGone = onClientGone;
  }

  /** The events of a recorded stream: the text between blank lines, each ending with its blank line. */
  static List<String> split(String recordedStream) {
    List<String> events = new ArrayList<>();
    StringBuilder event = new StringBuilder();
    for (String line : recordedStream.split("\r\n|\r|\n", -1)) {
      if (line.isEmpty()) {
        if (!event.isEmpty()) {
          events.add(event.append('\n').toString());
          event.setLength(0);
        }
      } else {
        event.append(line).append('\n');
      }
    }
    if (!event.isEmpty()) {
      events.add(event.append('\n').toString());
    }
    return events;
  }

  @Override
  public long getContentLength() {
    return -1;
  }

  @Override
  public void writeTo(BufferedSink sink) throws IOException {
    try {
      for (int i = 0; i < events.size(); i++) {
        if (i > 0 && !delay.isZero()) {
          Thread.sleep(delay.toMillis());
        }
        sink.write(events.get(i).getBytes(StandardCharsets.UTF_8));
        sink.flush();
      }
    } catch (IOException clientGone) {
      onClientGone.run();
      throw clientGone;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("the server is shutting down");
    }
  }
}
