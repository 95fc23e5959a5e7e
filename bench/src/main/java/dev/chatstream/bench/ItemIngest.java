package dev.chatstream.bench;

import dev.chatstream.pipeline.client.ConversationProducer;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.streams.KafkaStreams;

/**
 * How fast a pipeline takes conversation items into its state: the input topic is filled with user
 * messages first, then a fresh pipeline starts, and the time from its first processed record to its
 * last gives the rate (so the producer does not compete for the CPU).
 */
final class ItemIngest {
  private static final Duration POLL = Duration.ofMillis(10);
  private static final Duration STALL = Duration.ofSeconds(30);
  private static final int LOAD_ROUNDS = 3;

  private final BenchEnvironment environment;
  private final String guarantee;
  private final Progress progress;

  ItemIngest(BenchEnvironment environment, String guarantee, Progress progress) {
    this.environment = environment;
    this.guarantee = guarantee;
    this.progress = progress;
  }

  /** Items per second into state, for {@code items} user messages spread over {@code conversations}. */
  double rate(int items, int conversations) {
    try (BenchPipeline pipeline = BenchPipeline.create(environment, "ingest-items", guarantee, Map.of())) {
      try (ConversationProducer producer = pipeline.bulkProducer()) {
        load(producer, items, conversations);
      }
      progress.status("ingest: starting a pipeline on " + items + " waiting items");
      pipeline.start();
      return processRate(pipeline.streams(), items);
    }
  }

  /** Fills the input topic, sending again what the broker refused (a partition that just moved, say). */
  private void load(ConversationProducer producer, int items, int conversations) {
    List<Integer> pending = IntStream.range(0, items).boxed().toList();
    for (int round = 0; round < LOAD_ROUNDS && !pending.isEmpty(); round++) {
      Map<Integer, Future<RecordMetadata>> sent = new LinkedHashMap<>();
      for (int i : pending) {
        sent.put(i, producer.send(BenchEvents.userMessage("i" + (i % conversations), "user-" + i)));
        if (i % 10_000 == 0) {
          progress.status("ingest: loading " + i + "/" + items + " items into the input topic");
        }
      }
      producer.flush();
      pending = sent.entrySet().stream().filter(entry -> failed(entry.getValue())).map(Map.Entry::getKey).toList();
    }
    if (!pending.isEmpty()) {
      throw new IllegalStateException(pending.size() + " of " + items + " items could not be loaded into the input topic");
    }
  }

  private static boolean failed(Future<RecordMetadata> send) {
    try {
      send.get();
      return false;
    } catch (ExecutionException e) {
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /** Records per second from the first processed record to the {@code expected}-th. */
  private double processRate(KafkaStreams streams, long expected) {
    long first = -1;
    long last = -1;
    long lastProgress = System.nanoTime();
    while (true) {
      long processed = (long) StreamsMetricValues.sum(streams, "stream-thread-metrics", "process-total", tags -> true);
      long now = System.nanoTime();
      if (processed > 0 && first < 0) {
        first = now;
      }
      if (processed >= expected) {
        return expected / ((now - first) / 1e9);
      }
      if (processed != last) {
        last = processed;
        lastProgress = now;
      } else if (now - lastProgress > STALL.toNanos()) {
        throw new IllegalStateException("the pipeline stopped at " + processed + " of " + expected
            + " items processed (no progress for " + STALL.toSeconds() + " s)");
      }
      progress.status("ingest: " + processed + "/" + expected + " items processed");
      BenchPipeline.sleep(POLL);
    }
  }

}
