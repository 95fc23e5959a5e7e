package dev.chatstream.benchmarks.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * Turns a JMH result file ({@code -rf json}) into Markdown tables: the benchmarks with a {@code size}
 * parameter side by side for each size, with how much the time per operation grows from one size to
 * the next; every other result (and secondary results such as {@code :chunks}) one per row.
 *
 * <pre>{@code java -cp benchmarks/target/benchmarks.jar dev.chatstream.benchmarks.report.ResultsTable results.json}</pre>
 */
public final class ResultsTable {
  private static final String SIZE = "size";

  private final Map<String, Map<Integer, Score>> sized = new LinkedHashMap<>();
  private final List<String> unsized = new ArrayList<>();

  private ResultsTable() {}

  /** Prints the tables of the result file named by the only argument. */
  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      System.err.println("usage: ResultsTable <jmh results.json>");
      System.exit(2);
    }
    System.out.print(markdown(new ObjectMapper().readTree(Path.of(args[0]).toFile())));
  }

  /**
   * The tables of a parsed JMH result file.
   *
   * @throws IllegalArgumentException when {@code results} is not a JMH JSON result array
   */
  public static String markdown(JsonNode results) {
    if (!results.isArray()) {
      throw new IllegalArgumentException("expected the JSON array JMH writes with -rf json");
    }
    ResultsTable table = new ResultsTable();
    results.forEach(table::add);
    return table.render();
  }

  private void add(JsonNode result) {
    String name = shortName(result.path("benchmark").asText());
    Map<String, String> params = new TreeMap<>();
    result.path("params").properties().forEach(p -> params.put(p.getKey(), p.getValue().asText()));
    Score primary = Score.of(result.path("primaryMetric"), result.path("mode").asText());
    String size = params.remove(SIZE);
    String label = params.isEmpty() ? name : name + " (" + String.join(", ", params.values()) + ")";
    if (size != null) {
      sized.computeIfAbsent(label, k -> new TreeMap<>()).put(Integer.parseInt(size), primary);
      return;
    }
    unsized.add(row(label, primary));
    result.path("secondaryMetrics").properties().forEach(secondary ->
        unsized.add(row(label + " :" + secondary.getKey(), Score.of(secondary.getValue(), result.path("mode").asText()))));
  }

  private String render() {
    StringBuilder out = new StringBuilder();
    if (!sized.isEmpty()) {
      List<Integer> sizes = sized.values().stream().flatMap(m -> m.keySet().stream()).distinct().sorted().toList();
      StringJoiner header = new StringJoiner(" | ", "| benchmark | ", " |\n");
      sizes.forEach(size -> header.add(String.format(Locale.ROOT, "%,d", size)));
      for (int i = 1; i < sizes.size(); i++) {
        header.add(String.format(Locale.ROOT, "time ×, %,d→%,d", sizes.get(i - 1), sizes.get(i)));
      }
      out.append(header).append("|---".repeat(2 * sizes.size())).append("|\n");
      sized.forEach((label, scores) -> out.append(sizedRow(label, scores, sizes)));
      out.append('\n');
    }
    if (!unsized.isEmpty()) {
      out.append("| benchmark | score | unit |\n|---|---:|---|\n");
      unsized.forEach(out::append);
    }
    return out.toString();
  }

  private static String sizedRow(String label, Map<Integer, Score> scores, List<Integer> sizes) {
    StringJoiner row = new StringJoiner(" | ", "| " + label + " | ", " |\n");
    String unit = scores.values().iterator().next().unit();
    sizes.forEach(size -> row.add(scores.containsKey(size) ? scores.get(size).text() + " " + unit : ""));
    for (int i = 1; i < sizes.size(); i++) {
      Score from = scores.get(sizes.get(i - 1));
      Score to = scores.get(sizes.get(i));
      row.add(from == null || to == null ? "" : String.format(Locale.ROOT, "%.1f", to.timeRatioTo(from)));
    }
    return row.toString();
  }

  private static String row(String label, Score score) {
    return "| " + label + " | " + score.text() + " | " + score.unit() + " |\n";
  }

  private static String shortName(String benchmark) {
    int method = benchmark.lastIndexOf('.');
    int type = benchmark.lastIndexOf('.', method - 1);
    return benchmark.substring(type + 1).replace("Benchmark.", ".");
  }

  /** One score with its 99.9% error (NaN when JMH had too few iterations to give one). */
  private record Score(double value, double error, String unit, boolean throughput) {

    static Score of(JsonNode metric, String mode) {
      return new Score(metric.path("score").asDouble(), metric.path("scoreError").asDouble(Double.NaN),
          metric.path("scoreUnit").asText(), mode.equals("thrpt"));
    }

    /** How many times longer one operation takes here than in {@code other}. */
    double timeRatioTo(Score other) {
      return throughput ? other.value / value : value / other.value;
    }

    String text() {
      return Double.isNaN(error) ? number(value) : number(value) + " ± " + number(error);
    }

    private static String number(double value) {
      double magnitude = Math.abs(value);
      String pattern = magnitude >= 100 ? "%,.0f"
          : magnitude >= 10 ? "%.1f"
          : magnitude >= 1 ? "%.2f"
          : magnitude >= 0.01 ? "%.3f"
          : "%.4f";
      return String.format(Locale.ROOT, pattern, value);
    }
  }
}
