package dev.chatstream.bench;

import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.Predicate;
import java.util.stream.DoubleStream;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.streams.KafkaStreams;

/** Reads numbers from Kafka Streams' metrics (its own and its clients'), summed or maximised over tags. */
final class StreamsMetricValues {
  private StreamsMetricValues() {}

  /** The sum over every metric {@code group/name} whose tags pass {@code tags}; 0 when there is none. */
  static double sum(KafkaStreams streams, String group, String name, Predicate<Map<String, String>> tags) {
    return values(streams, group, name, tags).sum();
  }

  /** The mean of the finite values of {@code group/name} over every tag set, if any. */
  static OptionalDouble mean(KafkaStreams streams, String group, String name) {
    return values(streams, group, name, tags -> true).average();
  }

  /** The largest finite value of {@code group/name} over every tag set, if any. */
  static OptionalDouble max(KafkaStreams streams, String group, String name) {
    return values(streams, group, name, tags -> true).max();
  }

  private static DoubleStream values(KafkaStreams streams, String group, String name,
      Predicate<Map<String, String>> tags) {
    return streams.metrics().entrySet().stream()
        .filter(entry -> matches(entry.getKey(), group, name) && tags.test(entry.getKey().tags()))
        .map(Map.Entry::getValue)
        .map(Metric::metricValue)
        .filter(value -> value instanceof Double number && Double.isFinite(number))
        .mapToDouble(value -> (Double) value);
  }

  private static boolean matches(MetricName metric, String group, String name) {
    return metric.group().equals(group) && metric.name().equals(name);
  }
}
