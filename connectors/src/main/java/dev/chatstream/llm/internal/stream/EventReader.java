package dev.chatstream.llm.internal.stream;

import java.io.IOException;

/**
 * Reads the events of a stream one by one, blocking until the next one is complete.
 *
 * @param <E> the event type
 */
@FunctionalInterface
public interface EventReader<E> {

  /**
   * The next event.
   *
   * @return the event, or null at the end of the stream
   * @throws IOException when reading fails
   */
  E next() throws IOException;
}
