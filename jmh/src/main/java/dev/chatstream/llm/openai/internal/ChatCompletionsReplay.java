package dev.chatstream.llm.openai.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chatstream.llm.http.SseEvent;
import dev.chatstream.llm.http.SseReader;
import dev.chatstream.llm.retry.ExceptionMapper;
import dev.chatstream.llm.stream.ChatChunk;
import dev.chatstream.llm.stream.ThinkingTokenFilter;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import okio.Buffer;

/**
 * Reads a recorded Chat Completions response body the way a live attempt reads the network: the
 * bytes go through the connector's {@link SseReader} and its package-private {@link
 * ChatCompletionsParser} until {@code [DONE]}, then the thinking filter's rest. It sits in the
 * connector's internal package (on the class path, not as a module) only to reach that parser.
 */
public final class ChatCompletionsReplay {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ExceptionMapper ERRORS = ExceptionMapper.redacting(Set.of());

  private ChatCompletionsReplay() {}

  /**
   * The chunks of one response body, in order.
   *
   * @throws IOException when an event is not JSON
   * @throws dev.chatstream.llm.ApiStatusException when the stream carries an error event
   */
  public static List<ChatChunk> chunks(byte[] body) throws IOException {
    SseReader events = new SseReader(new Buffer().write(body));
    ChatCompletionsParser parser = new ChatCompletionsParser(JSON, ERRORS, new ThinkingTokenFilter(), null);
    List<ChatChunk> chunks = new ArrayList<>();
    SseEvent event;
    while ((event = events.next()) != null) {
      chunks.addAll(parser.accept(event));
      if (parser.done()) {
        break;
      }
    }
    chunks.addAll(parser.finish());
    return chunks;
  }
}
