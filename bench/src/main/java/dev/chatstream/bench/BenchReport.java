package dev.chatstream.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The results of a bench run: one entry per phase run (null or empty for a phase left out) and the
 * checks against chatstream's targets. {@link #table()} is the text report; {@link #toJson()} the
 * machine-readable one (snake_case fields, times in milliseconds, memory in bytes).
 *
 * @param run the machine and settings
 * @param ttft time to first token, one result per processing guarantee
 * @param concurrency generations in flight and completed per second
 * @param ingest items and chunk events per second
 * @param growth costs as conversations grow
 * @param reprocess batch reprocessing of a recorded log
 * @param checks the results against their targets
 * @param failures the phases that failed, each with the reason (their results are missing)
 */
public record BenchReport(
    RunInfo run,
    List<TtftResult> ttft,
    ConcurrencyResult concurrency,
    IngestResult ingest,
    GrowthResult growth,
    ReprocessResult reprocess,
    List<Check> checks,
    List<String> failures) {

  private static final ObjectMapper JSON = new ObjectMapper()
      .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .enable(SerializationFeature.INDENT_OUTPUT);

  /** Copies. */
  public BenchReport {
    ttft = List.copyOf(ttft);
    checks = List.copyOf(checks);
    failures = List.copyOf(failures);
  }

  /** The report of these results, checked against the targets. */
  static BenchReport of(RunInfo run, List<TtftResult> ttft, ConcurrencyResult concurrency, IngestResult ingest,
      GrowthResult growth, ReprocessResult reprocess, List<String> failures) {
    return new BenchReport(run, ttft, concurrency, ingest, growth, reprocess,
        Targets.check(ttft, concurrency, ingest, growth), failures);
  }

  /** The report as a Markdown table, with the run's settings above it. */
  public String table() {
    return ReportTable.render(this);
  }

  /** The report as JSON. */
  public String toJson() {
    try {
      return JSON.writeValueAsString(this);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
