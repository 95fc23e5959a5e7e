package dev.chatstream.pipeline.testing;

import dev.chatstream.events.ChatChunk;
import dev.chatstream.events.ReplyCompleted;
import dev.chatstream.pipeline.Topic;
import dev.chatstream.pipeline.Topics;
import dev.chatstream.pipeline.client.OutputConsumer;
import dev.chatstream.pipeline.client.OutputRecord;
import dev.chatstream.pipeline.config.ChatstreamConfig;
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

  private OutputLog(OutputConsumer consumer) {
    this.consumer = consumer;
  }

  /** Reads every output topic of {@code config} (dead letters included) from its beginning. */
  public static OutputLog of(ChatstreamConfig config) {
    Topics topics = Topics.of(config);
    List<String> names = topics.all().stream().skip(1).map(Topic::name).toList();
    return new OutputLog(new OutputConsumer(config.clientProperties(), topics, names, true));
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

  /** The records read so far that match {@code filter}, with their headers. */
  public List<OutputRecord> records(Predicate<OutputRecord> filter) {
    return records.stream().filter(filter).toList();
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
   * Reads until the chunks of {@code reply}'s request and attempt add up to the reply's text (a reply
   * and its chunks are on different topics, so one can be read before the other), and returns them.
   *
   * @throws AssertionError when they do not within {@code timeout}
   */
  public List<ChatChunk> awaitChunksOf(ReplyCompleted reply, Duration timeout) {
    String text = reply.getMessage() == null ? "" : EventText.of(reply);
    Predicate<ChatChunk> ofReply = chunk -> chunk.getConversationId().equals(reply.getConversationId())
        && chunk.getRequestId().equals(reply.getRequestId()) && chunk.getAttempt() == reply.getAttempt();
    awaitUntil(timeout, "the chunks of " + reply.getRequestId() + " (attempt " + reply.getAttempt() + ") to add up to \""
        + text + "\"", log -> text.equals(EventText.of(log.events(ChatChunk.class, ofReply))));
    return events(ChatChunk.class, ofReply);
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
