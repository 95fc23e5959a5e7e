package dev.chatstream.benchmarks;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Counts the chunks a stream benchmark produced, so that JMH reports chunks per second next to
 * streams per second (as the secondary result {@code :chunks}).
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.OPERATIONS)
public class ChunkCounter {

  /** Chunks produced in the current iteration. */
  public long chunks;

  /** Starts every iteration from zero. */
  @Setup(Level.Iteration)
  public void reset() {
    chunks = 0;
  }
}
