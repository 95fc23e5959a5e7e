package dev.chatstream.llm.bedrock.internal;

import dev.chatstream.llm.LlmException;
import dev.chatstream.llm.internal.stream.EventReader;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import okio.BufferedSource;
import software.amazon.awssdk.eventstream.Message;
import software.amazon.awssdk.eventstream.MessageDecoder;

/**
 * Reads the AWS binary event stream ({@code application/vnd.amazon.eventstream}) message by message,
 * with the SDK's decoder: it checks each frame's prelude and message checksums and splits headers from
 * the payload. A frame that fails its checks is a malformed stream, which another attempt may fix.
 */
public final class EventStreamReader implements EventReader<Message> {

  private static final int READ_SIZE = 8192;

  private final BufferedSource source;
  private final Deque<Message> decoded = new ArrayDeque<>();
  private final MessageDecoder decoder = new MessageDecoder(decoded::add);
  private final byte[] buffer = new byte[READ_SIZE];

  /** A reader of {@code source}; the caller closes the source. */
  public EventStreamReader(BufferedSource source) {
    this.source = source;
  }

  @Override
  public Message next() throws IOException {
    while (decoded.isEmpty()) {
      int read = source.read(buffer);
      if (read < 0) {
        return null; // a partial frame at the end is dropped, as a partial server-sent event is
      }
      try {
        decoder.feed(buffer, 0, read);
      } catch (RuntimeException corrupt) {
        throw new LlmException("malformed AWS event stream: " + corrupt.getMessage(), true, null);
      }
    }
    return decoded.poll();
  }
}
