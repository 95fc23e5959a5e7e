package dev.chatstream.pipeline.bench;

import java.time.Duration;

/** The simulated OpenAI-compatible server the bench drives, wherever it runs. */
interface LlmServer extends AutoCloseable {

  /** The API root to give an OpenAI connector, such as {@code http://127.0.0.1:41234/v1}. */
  String baseUrl();

  /** Answers later requests this way (streams already running keep their pace). */
  void behave(ServerBehaviour next);

  /** Replies streaming right now. */
  int openStreams();

  /**
   * Waits until no reply streams, at most {@code timeout}.
   *
   * @return true when none streams
   */
  boolean awaitIdle(Duration timeout);

  /**
   * CPU time the server's own process has used so far, in nanoseconds; -1 when the server runs in
   * the bench's process (its CPU is then part of the process's).
   */
  long cpuNanos();

  /** File descriptors one stream holds in the bench's process: both ends when the server runs there. */
  int descriptorsPerStream();

  /** Stops the server and ends every open stream. */
  @Override
  void close();
}
