package dev.chatstream.pipeline;

import java.util.Objects;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * One chatstream topic: its name, what its keys (conversation ids) and values are, and the name of the
 * topology's sink node that writes it. Built by {@link Topics}, the one place that knows them all.
 *
 * @param <V> the value type
 */
public final class Topic<V> {
  private static final Serde<String> KEYS = Serdes.String();

  private final String shortName;
  private final String name;
  private final Serde<V> valueSerde;

  /** A topic named {@code name} whose values {@code valueSerde} reads and writes. */
  public static <V> Topic<V> of(String shortName, String name, Serde<V> valueSerde) {
    return new Topic<>(shortName, name, valueSerde);
  }

  private Topic(String shortName, String name, Serde<V> valueSerde) {
    this.shortName = Objects.requireNonNull(shortName, "shortName");
    this.name = Objects.requireNonNull(name, "name");
    this.valueSerde = Objects.requireNonNull(valueSerde, "valueSerde");
  }

  /** The name without its prefix, e.g. {@code chunks}. */
  public String shortName() {
    return shortName;
  }

  /** The full topic name, e.g. {@code chatstream.chunks}. */
  public String name() {
    return name;
  }

  /** Keys are conversation ids. */
  public Serde<String> keySerde() {
    return KEYS;
  }

  /** The serde of the values. */
  public Serde<V> valueSerde() {
    return valueSerde;
  }

  /** The topology node that writes this topic. */
  public String sinkNode() {
    return shortName + "-sink";
  }

  @Override
  public String toString() {
    return name;
  }
}
