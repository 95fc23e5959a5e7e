package dev.chatstream.bench;

import dev.chatstream.pipeline.Topic;
import dev.chatstream.pipeline.Topics;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.streams.KafkaStreams;

/**
 * Counts what the stream threads' producers and consumers sent over a window, from the clients' own
 * cumulative metrics ({@code record-send-total} by topic, {@code request-total}, {@code fetch-total}),
 * and turns it into {@link KafkaTraffic} per completed turn.
 */
final class KafkaTrafficProbe {
  private static final String PRODUCER_TOPIC_GROUP = "producer-topic-metrics";
  private static final String PRODUCER_GROUP = "producer-metrics";
  private static final String FETCH_GROUP = "consumer-fetch-manager-metrics";
  private static final String CHANGELOG_SUFFIX = "-changelog";

  private final KafkaStreams streams;
  private final Set<String> outputs;
  private Counts start;

  KafkaTrafficProbe(KafkaStreams streams, Topics topics) {
    this.streams = streams;
    this.outputs = topics.outputs().stream().map(Topic::name).collect(Collectors.toUnmodifiableSet());
  }

  /** Starts a window. */
  void reset() {
    start = counts();
  }

  /** The traffic since {@link #reset()}, per completed turn. */
  KafkaTraffic perTurn(long completedTurns) {
    Counts end = counts();
    double turns = Math.max(completedTurns, 1);
    double requests = end.requests - start.requests;
    double records = (end.output - start.output) + (end.changelog - start.changelog) + (end.other - start.other);
    return new KafkaTraffic((end.output - start.output) / turns, (end.changelog - start.changelog) / turns,
        (end.other - start.other) / turns, requests <= 0 ? -1 : records / requests,
        (end.fetches - start.fetches) / turns);
  }

  private Counts counts() {
    double output = StreamsMetricValues.sum(streams, PRODUCER_TOPIC_GROUP, "record-send-total",
        tags -> outputs.contains(tags.getOrDefault("topic", "")));
    double changelog = StreamsMetricValues.sum(streams, PRODUCER_TOPIC_GROUP, "record-send-total",
        tags -> tags.getOrDefault("topic", "").endsWith(CHANGELOG_SUFFIX));
    double all = StreamsMetricValues.sum(streams, PRODUCER_TOPIC_GROUP, "record-send-total", tags -> true);
    double requests = StreamsMetricValues.sum(streams, PRODUCER_GROUP, "request-total", tags -> true);
    double fetches = StreamsMetricValues.sum(streams, FETCH_GROUP, "fetch-total",
        tags -> !tags.getOrDefault("client-id", "").contains("restore"));
    return new Counts(output, changelog, all - output - changelog, requests, fetches);
  }

  private record Counts(double output, double changelog, double other, double requests, double fetches) {}
}
