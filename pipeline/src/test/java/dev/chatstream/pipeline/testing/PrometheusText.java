package dev.chatstream.pipeline.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The samples of a Prometheus text exposition, for asserting on a scrape. */
public final class PrometheusText {
  private static final Pattern SAMPLE = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})?\\s+(\\S+)");
  private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

  /**
   * One sample.
   *
   * @param name the series name
   * @param labels its labels
   * @param value its value
   */
  public record Sample(String name, Map<String, String> labels, double value) {}

  private final String text;
  private final List<Sample> samples = new ArrayList<>();

  private PrometheusText(String text) {
    this.text = text;
    for (String line : text.split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      Matcher sample = SAMPLE.matcher(line.strip());
      if (!sample.matches()) {
        throw new AssertionError("not a sample line: " + line);
      }
      Map<String, String> labels = new LinkedHashMap<>();
      if (sample.group(3) != null) {
        Matcher label = LABEL.matcher(sample.group(3));
        while (label.find()) {
          labels.put(label.group(1), label.group(2));
        }
      }
      samples.add(new Sample(sample.group(1), labels, Double.parseDouble(sample.group(4))));
    }
  }

  /** Parses a scrape. */
  public static PrometheusText parse(String text) {
    return new PrometheusText(text);
  }

  /** The samples of series {@code name} whose labels include {@code labels}. */
  public List<Sample> find(String name, Map<String, String> labels) {
    return samples.stream()
        .filter(s -> s.name().equals(name) && s.labels().entrySet().containsAll(labels.entrySet()))
        .toList();
  }

  /**
   * The one sample of {@code name} with {@code labels}.
   *
   * @throws AssertionError when there is none or more than one, quoting the scrape's lines of that name
   */
  public Sample one(String name, Map<String, String> labels) {
    List<Sample> found = find(name, labels);
    if (found.size() != 1) {
      throw new AssertionError(found.size() + " samples of " + name + " with " + labels + "; the scrape has:\n"
          + String.join("\n", text.lines().filter(l -> l.startsWith(name)).toList()));
    }
    return found.get(0);
  }

  /** The value of the one sample of {@code name} with {@code labels}, if there is one. */
  public Optional<Double> value(String name, Map<String, String> labels) {
    List<Sample> found = find(name, labels);
    return found.size() == 1 ? Optional.of(found.get(0).value()) : Optional.empty();
  }

  /** True when some series starts with {@code prefix}. */
  public boolean hasSeriesStartingWith(String prefix) {
    return samples.stream().anyMatch(s -> s.name().startsWith(prefix));
  }
}
