package dev.chatstream.bench;

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
   * True when the server runs in the bench's process: each stream then holds both its descriptors
   * there, and the server's CPU is part of the process's.
   */
  boolean inThisProcess();

  /** CPU time the server's own process has used so far, in nanoseconds; -1 when unknown or in this process. */
  long cpuNanos();

  /** Stops the server and ends every open stream. */
  @Override
  void close();
}
