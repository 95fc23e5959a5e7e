package dev.chatstream.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@code chatstream bench --quick} with tiny numbers and checks that the report has every phase
 * with sane fields. Timings are never asserted: they depend on the machine.
 */
class BenchSmokeTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  @Timeout(300)
  void quickRunReportsEveryPhase(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("bench.json");
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    PrintStream original = System.out;
    int status;
    System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
    try {
      status = BenchCommand.commandLine().execute("--quick", "--samples", "2", "--inflight", "4",
          "--conversations", "8", "--duration", "1", "--items", "300", "--chunk-tokens", "50", "--ttft-ms", "20",
          "--token-delay-ms", "10", "--tokens", "3", "--lengths", "10,100", "--reprocess-conversations", "6", "--out", out.toString());
    } finally {
      System.setOut(original);
    }

    JsonNode report = JSON.readTree(Files.readString(out));
    assertEquals(List.of(), texts(report.path("failures")));
    assertEquals(0, status);
    assertEquals(List.of("ttft", "concurrency", "ingest", "growth", "reprocess"), texts(report.path("run").path("phases")));
    checkReprocess(report.path("reprocess"));
    checkTtft(report.path("ttft"));
    checkConcurrency(report.path("concurrency"));
    checkIngest(report.path("ingest"));
    checkGrowth(report.path("growth"));
    assertEquals(11, report.path("checks").size(), "two TTFT checks per guarantee, four for concurrency, two for "
        + "ingest, one for growth: " + report.path("checks"));
    String table = stdout.toString(StandardCharsets.UTF_8);
    for (String phase : List.of("| ttft, at_least_once |", "| ttft, exactly_once_v2 |", "| concurrency |",
        "| ingest |", "| growth |", "| reprocess |")) {
      assertTrue(table.contains(phase), "the table has a section " + phase + ":\n" + table);
    }
  }

  private static void checkTtft(JsonNode ttft) {
    assertEquals(2, ttft.size());
    assertEquals("at_least_once", ttft.get(0).path("guarantee").asText());
    assertEquals("exactly_once_v2", ttft.get(1).path("guarantee").asText());
    assertEquals(30_000, ttft.get(0).path("commit_interval_ms").asLong());
    assertEquals(100, ttft.get(1).path("commit_interval_ms").asLong());
    for (JsonNode result : ttft) {
      assertEquals(0, result.path("failed_samples").asInt(), result.toString());
      for (String summary : List.of("connector", "pipeline", "overhead")) {
        assertEquals(2, result.path(summary).path("count").asInt(), summary);
      }
      assertTrue(result.path("pipeline").path("p50_ms").asDouble() > 0);
      assertTrue(result.path("connector").path("p50_ms").asDouble() >= 20, "the server waits 20 ms for the first token");
      assertEquals(2, result.path("stages").path("request_in").path("count").asInt());
      assertTrue(result.path("kafka_hop").path("count").asInt() >= 1);
      checkResources(result.path("resources"));
    }
  }

  private static void checkConcurrency(JsonNode concurrency) {
    assertEquals(4, concurrency.path("requested_inflight").asInt());
    assertEquals(4, concurrency.path("inflight").asInt());
    assertTrue(concurrency.path("limit_note").isNull());
    assertEquals(8, concurrency.path("conversations").asInt());
    assertEquals(40, concurrency.path("reply_ms").asLong(), "20 ms to the first token, then 2 gaps of 10 ms");
    assertEquals(100.0, concurrency.path("ideal_per_second").asDouble(), 1e-9, "4 in flight / 0.04 s");
    assertTrue(concurrency.path("completed_per_second").asDouble() > 0);
    assertTrue(concurrency.path("connector_per_second").asDouble() > 0);
    assertEquals(0, concurrency.path("failed_generations").asLong());
    assertTrue(concurrency.path("turn").path("count").asInt() > 0);
    assertTrue(concurrency.path("connector_reply").path("count").asInt() > 0);
    assertTrue(concurrency.path("server_streams_max").asInt() <= 4);
    JsonNode threads = concurrency.path("stream_threads");
    assertTrue(threads.path("longest_process_ms").asDouble() >= 0, "DEBUG task metrics are recorded: " + threads);
    assertTrue(threads.path("longest_punctuate_ms").asDouble() >= 0, threads.toString());
    checkResources(concurrency.path("resources"));
  }

  private static void checkIngest(JsonNode ingest) {
    assertEquals(300, ingest.path("items").asInt());
    assertTrue(ingest.path("items_per_second").asDouble() > 0);
    assertEquals(50, ingest.path("chunk_tokens").asInt());
    assertTrue(ingest.path("chunks_per_second").asDouble() > 0);
    assertTrue(ingest.path("connector_chunks_per_second").asDouble() > 0);
    checkResources(ingest.path("items_resources"));
    checkResources(ingest.path("chunks_resources"));
  }

  private static void checkReprocess(JsonNode reprocess) {
    assertEquals(6, reprocess.path("conversations").asInt());
    assertEquals(6, reprocess.path("requests").asInt(), "every recorded request replayed");
    assertTrue(reprocess.path("requests_per_second").asDouble() > 0, reprocess.toString());
    assertTrue(reprocess.path("records_read").asLong() >= 6 * 3, "the survey and the replay read the log");
    assertTrue(reprocess.path("live_turns_per_second").asDouble() > 0, reprocess.toString());
    checkResources(reprocess.path("resources"));
  }

  private static void checkGrowth(JsonNode growth) {
    JsonNode points = growth.path("points");
    assertEquals(2, points.size());
    assertEquals(10, points.get(0).path("length").asInt());
    assertEquals(100, points.get(1).path("length").asInt());
    for (JsonNode point : points) {
      int length = point.path("length").asInt();
      int context = point.path("context_items").asInt();
      assertTrue(context >= length && context <= length * 1.1 + 1,
          "the request held the whole conversation of about " + length + " items: " + context);
      assertEquals(1_000, point.path("append").path("count").asInt());
      assertTrue(point.path("build").path("count").asInt() > 0);
    }
    checkResources(growth.path("resources"));
  }

  private static void checkResources(JsonNode resources) {
    assertTrue(resources.path("peak_heap_bytes").asLong() > 0, resources.toString());
    assertFalse(resources.path("rss_source").asText().isEmpty());
    if (Files.exists(Path.of("/proc/self/status"))) {
      assertTrue(resources.path("peak_rss_bytes").asLong() > resources.path("peak_heap_after_gc_bytes").asLong(),
          resources.toString());
    }
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(node -> texts.add(node.asText()));
    return texts;
  }
}
