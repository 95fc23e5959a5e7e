package dev.chatstream.llm.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import okio.Buffer;
import okio.BufferedSource;
import okio.Okio;
import okio.Source;
import okio.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class SseReaderTest {

  private static final String STREAM = """
      : a comment
      data: {"a":1}

      event: error
      data: first
      data: second
      id: 7

      data:no-space

      : only a comment

      data

      """;

  @ParameterizedTest(name = "line ending {0}")
  @ValueSource(strings = {"\\n", "\\r", "\\r\\n"})
  void readsEventsWithEveryLineEnding(String escapedEnding) throws IOException {
    String ending = escapedEnding.replace("\\n", "\n").replace("\\r", "\r");
    List<SseEvent> events = readAll(source(STREAM.replace("\n", ending)));

    assertEquals(List.of(
        new SseEvent(null, null, "{\"a\":1}"),
        new SseEvent("7", "error", "first\nsecond"),
        new SseEvent("7", null, "no-space"),
        new SseEvent("7", null, "")), events);
  }

  @Test
  void ignoresCommentsAndEventsWithoutData() throws IOException {
    List<SseEvent> events = readAll(source(": keep-alive\n\nevent: ping\n\n: another\ndata: x\n\n"));

    assertEquals(List.of(new SseEvent(null, null, "x")), events);
  }

  @Test
  void dropsAPartialEventAtTheEndOfTheStream() throws IOException {
    List<SseEvent> events = readAll(source("data: complete\n\ndata: cut off"));

    assertEquals(List.of(new SseEvent(null, null, "complete")), events);
  }

  @Test
  void keepsOnlyOneLeadingSpaceOfAValue() throws IOException {
    List<SseEvent> events = readAll(source("data:  two spaces\n\n"));

    assertEquals(List.of(new SseEvent(null, null, " two spaces")), events);
  }

  @Test
  void ignoresAnIdContainingNul() throws IOException {
    List<SseEvent> events = readAll(source("id: 1\ndata: a\n\nid: x\u0000y\ndata: b\n\n"));

    assertEquals(List.of(new SseEvent("1", null, "a"), new SseEvent("1", null, "b")), events);
  }

  @Test
  void returnsNullAtTheEndOfAnEmptyStream() throws IOException {
    assertNull(new SseReader(source("")).next());
  }

  @Test
  void deliversAnEventEndedByCarriageReturnsBeforeMoreBytesArrive() throws IOException {
    // the reader must not wait for a possible \n after the final \r
    Buffer buffer = new Buffer().writeUtf8("data: now\r\r");
    SseReader reader = new SseReader(buffer);

    assertEquals(new SseEvent(null, null, "now"), reader.next());
    buffer.writeUtf8("\ndata: later\r\n\r\n");
    assertEquals(new SseEvent(null, null, "later"), reader.next());
  }

  @Property(tries = 50)
  void readsTheSameEventsWhateverTheReadSizes(@ForAll @IntRange(min = 1, max = 7) int bytesPerRead) throws IOException {
    String crlf = STREAM.replace("\n", "\r\n");
    List<SseEvent> whole = readAll(source(crlf));
    List<SseEvent> trickled = readAll(Okio.buffer(trickle(crlf.getBytes(StandardCharsets.UTF_8), bytesPerRead)));

    assertEquals(whole, trickled);
  }

  private static BufferedSource source(String text) {
    return new Buffer().writeUtf8(text);
  }

  private static List<SseEvent> readAll(BufferedSource source) throws IOException {
    SseReader reader = new SseReader(source);
    List<SseEvent> events = new ArrayList<>();
    SseEvent event;
    while ((event = reader.next()) != null) {
      events.add(event);
    }
    return events;
  }

  /** A source that hands out at most {@code size} bytes per read, like a slow network. */
  private static Source trickle(byte[] bytes, int size) {
    return new Source() {
      private int position;

      @Override
      public long read(Buffer sink, long byteCount) {
        if (position >= bytes.length) {
          return -1;
        }
        int count = (int) Math.min(Math.min(size, byteCount), bytes.length - position);
        sink.write(bytes, position, count);
        position += count;
        return count;
      }

      @Override
      public Timeout timeout() {
        return Timeout.NONE;
      }

      @Override
      public void close() {}
    };
  }
}
