package dev.chatstream.pipeline.reprocess;

import java.time.Duration;
import java.util.Locale;

/**
 * What a reprocessing run did, for people: how many requests it selected and replayed, how many failed
 * or took another tool path, and the original run beside the replay in tokens and latency.
 *
 * @param runId the run
 * @param outputPrefix where its topics are
 * @param requestsInLog {@code generate_reply} requests within the run's bounds
 * @param selected requests the selection picked
 * @param replayed selected requests whose replay produced a reply (every step)
 * @param failed selected requests whose replay ended in an error (at any step)
 * @param diverged selected requests whose replay called a function the original did not
 * @param badRecords input records skipped because they do not decode or are invalid
 * @param recordsRead records the run's survey read, over every topic
 * @param original the original run's figures over the selected requests
 * @param replay the replay's figures
 * @param wallTime how long the run took, survey included
 */
public record ReprocessSummary(String runId, String outputPrefix, long requestsInLog, int selected, int replayed,
    int failed, int diverged, long badRecords, long recordsRead, Figures original, Figures replay, Duration wallTime) {

  /**
   * Token and latency figures over generations (requests and their tool steps).
   *
   * @param generations generations with an outcome
   * @param promptTokens prompt tokens, summed
   * @param completionTokens completion tokens, summed
   * @param ttftP50 time to first token, median, in seconds (-1 when none)
   * @param ttftP95 time to first token, 95th percentile
   * @param durationP50 duration, median, in seconds (-1 when none)
   * @param durationP95 duration, 95th percentile
   */
  public record Figures(int generations, long promptTokens, long completionTokens, double ttftP50, double ttftP95,
      double durationP50, double durationP95) {}

  /** The summary as a Markdown report. */
  public String markdown() {
    StringBuilder out = new StringBuilder();
    out.append("# Reprocessing run ").append(runId).append("\n\n");
    out.append("Results in `").append(outputPrefix).append("results`; replayed events under `").append(outputPrefix)
        .append("`. ").append(String.format(Locale.ROOT, "%d of the log's %d requests selected, %d replayed, "
            + "%d failed, %d diverged; %d bad input records skipped; %d records read; %.1f s.",
            selected, requestsInLog, replayed, failed, diverged, badRecords, recordsRead, wallTime.toMillis() / 1000.0))
        .append("\n\n");
    out.append("| | original | replayed |\n|---|---:|---:|\n");
    row(out, "generations (requests and tool steps)", Integer.toString(original.generations()),
        Integer.toString(replay.generations()));
    row(out, "prompt tokens", Long.toString(original.promptTokens()), Long.toString(replay.promptTokens()));
    row(out, "completion tokens", Long.toString(original.completionTokens()), Long.toString(replay.completionTokens()));
    row(out, "TTFT p50 / p95", seconds(original.ttftP50(), original.ttftP95()), seconds(replay.ttftP50(), replay.ttftP95()));
    row(out, "duration p50 / p95", seconds(original.durationP50(), original.durationP95()),
        seconds(replay.durationP50(), replay.durationP95()));
    return out.toString();
  }

  private static void row(StringBuilder out, String measure, String original, String replayed) {
    out.append("| ").append(measure).append(" | ").append(original).append(" | ").append(replayed).append(" |\n");
  }

  private static String seconds(double p50, double p95) {
    return p50 < 0 ? "n/a" : String.format(Locale.ROOT, "%.3f s / %.3f s", p50, p95);
  }
}
