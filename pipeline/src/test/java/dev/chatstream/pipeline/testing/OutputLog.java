package dev.chatstream.pipeline.testing;

import dev.chatstream.pipeline.client.OutputConsumer;
import dev.chatstream.pipeline.client.OutputRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.apache.avro.specific.SpecificRecord;

/**
 * What a {@code read_committed} {@link OutputConsumer} has read of chatstream's output topics since
 * their beginning, in arrival order (one conversation's events of one topic keep their order). Reads
 * more only while a test waits.
 */
public final class OutputLog implements AutoCloseable {
  private static final Duration POLL = Duration.ofMillis(50);

  private final OutputConsumer consumer;
  private final List<OutputRecord> records = new ArrayList<>();

  OutputLog(OutputConsumer consumer) {
    this.consumer = consumer;
  }

  /** Every record read so far. */
  public List<OutputRecord> records() {
    return List.copyOf(records);
  }

  /** The events of {@code type} read so far. */
  public <T extends SpecificRecord> List<T> events(Class<T> type) {
    return events(type, event -> true);
  }

  /** The events of {@code type} read so far that match {@code filter}. */
  public <T extends SpecificRecord> List<T> events(Class<T> type, Predicate<? super T> filter) {
    List<T> matching = new ArrayList<>();
    for (OutputRecord record : records) {
      if (type.isInstance(record.event()) && filter.test(type.cast(record.event()))) {
        matching.add(type.cast(record.event()));
      }
    }
    return matching;
  }

  /** The records of the dead-letter topic read so far. */
  public List<OutputRecord> deadLetters() {
    return records.stream().filter(OutputRecord::isDeadLetter).toList();
  }

  /**
   * Reads until an event of {@code type} matches {@code filter}, and returns the first that does.
   *
   * @throws AssertionError when none arrives within {@code timeout}
   */
  public <T extends SpecificRecord> T awaitEvent(Class<T> type, Predicate<? super T> filter, Duration timeout,
      String what) {
    awaitUntil(timeout, what, log -> !log.events(type, filter).isEmpty());
    return events(type, filter).get(0);
  }

  /**
   * Reads until {@code condition} holds for what was read.
   *
   * @throws AssertionError when it does not within {@code timeout}
   */
  public void awaitUntil(Duration timeout, String what, Predicate<OutputLog> condition) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.test(this)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out after " + timeout.toMillis() + " ms waiting for " + what
            + "; read " + records.size() + " records");
      }
      records.addAll(consumer.poll(POLL));
    }
  }

  @Override
  public void close() {
    consumer.close();
  }
}
