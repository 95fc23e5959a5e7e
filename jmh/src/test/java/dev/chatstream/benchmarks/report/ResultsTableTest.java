package dev.chatstream.benchmarks.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class ResultsTableTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static String result(String benchmark, String mode, String params, double score, String error, String unit,
      String secondary) throws Exception {
    return """
        {"benchmark": "dev.chatstream.benchmarks.%s", "mode": "%s", "params": {%s},
         "primaryMetric": {"score": %s, "scoreError": %s, "scoreUnit": "%s"},
         "secondaryMetrics": {%s}}""".formatted(benchmark, mode, params, score, error, unit, secondary);
  }

  @Test
  void sizedResultsSitSideBySideWithTheirGrowth() throws Exception {
    JsonNode results = JSON.readTree("[" + String.join(",",
        result("ProviderFormatBenchmark.format", "avgt", "\"size\": \"10\", \"format\": \"aws\"", 2.5, "0.1", "us/op", ""),
        result("ProviderFormatBenchmark.format", "avgt", "\"size\": \"1000\", \"format\": \"aws\"", 250, "12", "us/op", ""),
        result("ProviderFormatBenchmark.format", "avgt", "\"size\": \"10000\", \"format\": \"aws\"", 5000, "\"NaN\"", "us/op", ""))
        + "]");

    assertEquals("""
        | benchmark | 10 | 1,000 | 10,000 | time ×, 10→1,000 | time ×, 1,000→10,000 |
        |---|---|---|---|---|---|
        | ProviderFormat.format (aws) | 2.50 ± 0.100 us/op | 250 ± 12.0 us/op | 5,000 us/op | 100.0 | 20.0 |

        """, ResultsTable.markdown(results));
  }

  @Test
  void otherResultsAndSecondaryMetricsGetOneRowEach() throws Exception {
    JsonNode results = JSON.readTree("[" + result("ChatCompletionsStreamBenchmark.parse", "thrpt",
        "\"stream\": \"openai/chat-text-usage.sse\"", 20000, "500", "ops/s",
        "\"chunks\": {\"score\": 640000, \"scoreError\": 16000, \"scoreUnit\": \"ops/s\"}") + "]");

    assertEquals("""
        | benchmark | score | unit |
        |---|---:|---|
        | ChatCompletionsStream.parse (openai/chat-text-usage.sse) | 20,000 ± 500 | ops/s |
        | ChatCompletionsStream.parse (openai/chat-text-usage.sse) :chunks | 640,000 ± 16,000 | ops/s |
        """, ResultsTable.markdown(results));
  }

  @Test
  void aFileThatIsNotAResultArrayIsRejected() throws Exception {
    assertThrows(IllegalArgumentException.class, () -> ResultsTable.markdown(JSON.readTree("{\"benchmark\": 1}")));
  }
}
