package dev.chatstream.llm.internal.retry;

/**
 * One try at a generation: send the request, read the stream, hand every chunk to
 * {@link AttemptContext#emit}. Implementations are provider-specific; the retry loop around them is not.
 */
@FunctionalInterface
public interface Attempt {

  /**
   * Runs the attempt to its end on the calling (connector) thread.
   *
   * @throws Exception any failure; {@link ExceptionMapper} turns it into an error kind
   */
  void run(AttemptContext context) throws Exception;
}
