package dev.chatstream.llm.internal.stream;

import dev.chatstream.llm.stream.ChatChunk;
import java.io.IOException;
import java.util.List;

/**
 * Turns the events of one provider stream into {@link ChatChunk}s. One parser per attempt; it keeps
 * what spans events (tool-call fragments, usage) and hands it over when it is complete.
 *
 * @param <E> the provider's event type (a server-sent event, an AWS event-stream message)
 */
public interface StreamParser<E> {

  /**
   * The chunks one event completes, in order.
   *
   * @throws IOException when the event cannot be read (malformed JSON included)
   * @throws dev.chatstream.llm.LlmException when the event is an error the provider sent in the stream
   */
  List<ChatChunk> accept(E event) throws IOException;

  /** True once the provider said the stream is over: the attempt stops reading. */
  boolean done();

  /** What is still held back when the stream ends, such as the usage of the whole reply. */
  List<ChatChunk> finish() throws IOException;
}
