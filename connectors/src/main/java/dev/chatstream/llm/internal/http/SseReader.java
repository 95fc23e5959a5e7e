package dev.chatstream.llm.internal.http;

import java.io.IOException;
import okio.BufferedSource;
import okio.ByteString;

/**
 * Reads server-sent events from a byte stream, as the HTML living standard describes: lines end with
 * {@code \n}, {@code \r} or {@code \r\n}; lines starting with {@code :} are comments; a blank line ends
 * an event; an event without data is not dispatched; a partial event at the end of the stream is
 * dropped. Not thread-safe: one reader per stream.
 */
public final class SseReader {

  private static final ByteString LINE_ENDS = ByteString.encodeUtf8("\r\n");

  private final BufferedSource source;
  private boolean skipLineFeed;
  private String lastId;

  /** A reader of {@code source}; the caller closes the source. */
  public SseReader(BufferedSource source) {
    this.source = source;
  }

  /**
   * Blocks until the next event is complete.
   *
   * @return the event, or null at the end of the stream
   * @throws IOException when reading fails
   */
  public SseEvent next() throws IOException {
    StringBuilder data = null;
    String type = null;
    String line;
    while ((line = readLine()) != null) {
      if (line.isEmpty()) {
        if (data != null) {
          return new SseEvent(lastId, type, data.toString());
        }
        type = null;
        continue;
      }
      if (line.charAt(0) == ':') {
        continue;
      }
      int colon = line.indexOf(':');
      String field = colon < 0 ? line : line.substring(0, colon);
      String value = colon < 0 ? "" : valueAfter(line, colon);
      switch (field) {
        case "data" -> data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
        case "event" -> type = value;
        case "id" -> lastId = value.indexOf('\0') >= 0 ? lastId : value;
        default -> { } // "retry" and unknown fields do not concern a connector
      }
    }
    return null;
  }

  private static String valueAfter(String line, int colon) {
    int start = colon + 1;
    if (start < line.length() && line.charAt(start) == ' ') {
      start++;
    }
    return line.substring(start);
  }

  private String readLine() throws IOException {
    if (skipLineFeed) {
      // a lone \r ended the previous line; a \n right after it belongs to that ending
      skipLineFeed = false;
      if (source.request(1) && source.getBuffer().getByte(0) == '\n') {
        source.skip(1);
      }
    }
    long end = source.indexOfElement(LINE_ENDS);
    if (end < 0) {
      return source.exhausted() ? null : source.readUtf8();
    }
    String line = source.readUtf8(end);
    if (source.readByte() == '\r') {
      skipLineFeed = true;
    }
    return line;
  }
}
