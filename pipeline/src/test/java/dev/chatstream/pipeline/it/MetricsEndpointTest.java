package dev.chatstream.pipeline.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatstream.events.LLMMetrics;
import dev.chatstream.events.ReplyCompleted;
import dev.chatstream.pipeline.ChatstreamService;
import dev.chatstream.pipeline.config.ChatstreamConfig;
import dev.chatstream.pipeline.testing.BrokerExtension;
import dev.chatstream.pipeline.testing.Eventually;
import dev.chatstream.pipeline.testing.FixtureLlmServer.Reply;
import dev.chatstream.pipeline.testing.FixtureLlmServer;
import dev.chatstream.pipeline.testing.HttpGet;
import dev.chatstream.pipeline.testing.OutputLog;
import dev.chatstream.pipeline.testing.PipelineOnBroker;
import dev.chatstream.pipeline.testing.PrometheusText;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A tool round trip on a real broker with the real OpenAI connector, then a scrape of
 * {@code GET /metrics}: the GenAI duration, token and time-to-first-chunk series of both replies with
 * their attributes, a retry, chatstream's own series, Kafka Streams' metrics beside them, every series
 * the Grafana dashboard queries, and never a conversation or request id in a label.
 */
@Timeout(90)
class MetricsEndpointTest {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final String CALL_ID = "call_c91SqDXlYFuETYv8mUHzz6pp";
  private static final String WEATHER_TOOL = """
      {"name":"GetWeatherArgs","parameters":{"type":"object","properties":{"city":{"type":"string"},
       "country":{"type":"string"},"units":{"type":"string","enum":["c","f"]}},"required":["city","country","units"]}}""";
  private static final Pattern SERIES = Pattern.compile("\\b(gen_ai|chatstream|kafka|jvm)_[a-z0-9_]+");
  private static final Map<String, String> CHAT = Map.of(
      "gen_ai_operation_name", "chat",
      "gen_ai_provider_name", "openai",
      "gen_ai_request_model", FixtureLlmServer.MODEL,
      "gen_ai_response_model", FixtureLlmServer.MODEL,
      "chatstream_llm_profile", "default");

  @RegisterExtension
  static final BrokerExtension broker = new BrokerExtension();

  @Test
  void scrapeAfterAToolRoundTripHasTheGenAiSeriesWithTheirAttributes() throws IOException {
    try (FixtureLlmServer llm = FixtureLlmServer.start()
            .then(Reply.failure(500))
            .then(Reply.of(FixtureLlmServer.SINGLE_TOOL_CALL))
            .then(Reply.of(FixtureLlmServer.TEXT));
        PipelineOnBroker pipeline = PipelineOnBroker.create(broker.kafka(), broker.dir(), "metrics",
            Map.of(ChatstreamConfig.PROCESSING_GUARANTEE_CONFIG, ChatstreamConfig.AT_LEAST_ONCE))) {
      ChatstreamService service = pipeline.start(llm.registry());
      pipeline.awaitRunning(service);

      pipeline.send("""
          {"type":"message","conversation_id":"m1","role":"user","content":["Weather in Edinburgh?"]}""");
      pipeline.send("""
          {"type":"generate_reply","conversation_id":"m1","request_id":"r1","auto_tool_reply":true,"tools":[%s]}"""
          .formatted(WEATHER_TOOL));
      OutputLog out = pipeline.outputs();
      out.awaitEvent(ReplyCompleted.class, r -> r.getRequestId().equals("r1"), WAIT, "the reply asking for the tool");
      pipeline.send("""
          {"type":"function_call_output","conversation_id":"m1","call_id":"%s","name":"GetWeatherArgs",
           "output":"rain, 9 C","is_error":false}""".formatted(CALL_ID));
      out.awaitUntil(WAIT, "metrics of both replies", log -> log.events(LLMMetrics.class).size() == 2);
      pipeline.sendRaw("m1", "not an event".getBytes(StandardCharsets.UTF_8));
      out.awaitUntil(WAIT, "the dead letter", log -> log.deadLetters().size() == 1);
      Eventually.until(WAIT, "both generations and the dead letter in the scrape",
          () -> scrape(service).value("gen_ai_client_operation_duration_seconds_count", CHAT).orElse(0.0) == 2
              && scrape(service).value("chatstream_dlq_records_total", Map.of("chatstream_dlq_reason", "malformed"))
                  .isPresent());

      HttpGet answer = HttpGet.of(service, "/metrics");
      assertEquals(200, answer.status());
      assertTrue(answer.contentType().startsWith("text/plain"), answer.contentType());
      PrometheusText metrics = PrometheusText.parse(answer.body());

      assertEquals("", metrics.one("gen_ai_client_operation_duration_seconds_count", CHAT).labels().get("error_type"));
      assertTrue(metrics.one("gen_ai_client_operation_duration_seconds_sum", CHAT).value() > 0);
      assertEquals(2, metrics.one("gen_ai_client_operation_duration_seconds_bucket", with(CHAT, "le", "+Inf")).value());
      assertEquals(76 + 14, metrics.one("gen_ai_client_token_usage_sum", with(CHAT, "gen_ai_token_type", "input"))
          .value(), "prompt tokens of the tool call's reply and of the answer");
      assertEquals(24 + 30, metrics.one("gen_ai_client_token_usage_sum", with(CHAT, "gen_ai_token_type", "output"))
          .value(), "completion tokens of both replies");
      assertEquals(2, metrics.one("gen_ai_client_token_usage_count", with(CHAT, "gen_ai_token_type", "output")).value());
      assertEquals(0, metrics.one("gen_ai_client_token_usage_bucket",
          with(with(CHAT, "gen_ai_token_type", "output"), "le", "16.0")).value(), "neither reply is ≤ 16 tokens");
      assertEquals(2, metrics.one("gen_ai_client_token_usage_bucket",
          with(with(CHAT, "gen_ai_token_type", "output"), "le", "64.0")).value());
      assertEquals(2, metrics.one("gen_ai_client_operation_time_to_first_chunk_seconds_count", CHAT).value());
      assertEquals(1, metrics.one("chatstream_dlq_records_total", Map.of("chatstream_dlq_reason", "malformed")).value());
      Map<String, String> failed = Map.of("gen_ai_provider_name", "openai", "chatstream_llm_profile", "default",
          "error_type", "500");
      assertEquals(1, metrics.one("chatstream_llm_retries_total", failed).value(), "the first attempt got a 500");
      assertEquals(1, metrics.one("chatstream_llm_errors_total", with(failed, "chatstream_error_kind", "STATUS")).value());
      assertTrue(metrics.find("gen_ai_client_operation_duration_seconds_count", Map.of("error_type", "500")).isEmpty(),
          "the generation itself did not fail");

      assertEquals(0, metrics.one("chatstream_generations_inflight", Map.of()).value());
      assertEquals(64, metrics.one("chatstream_generations_inflight_limit", Map.of()).value());
      assertEquals(0, metrics.one("chatstream_generations_queued", Map.of()).value());
      assertTrue(metrics.one("chatstream_drain_events_count", Map.of()).value() >= 2);
      assertTrue(metrics.hasSeriesStartingWith("kafka_stream_thread_"), "Kafka Streams' thread metrics are bound");
      assertTrue(metrics.hasSeriesStartingWith("kafka_consumer_"), "its consumers' metrics are bound");
      assertTrue(metrics.hasSeriesStartingWith("jvm_memory_used_bytes"));
      for (String series : dashboardSeries()) {
        assertTrue(metrics.hasSeriesStartingWith(series), "the dashboard queries " + series + ", which is not scraped");
      }
      assertFalse(answer.body().contains("m1"), "no conversation id in any series");
      assertFalse(answer.body().contains("\"r1"), "no request id in any series");
    }
  }

  @Test
  void metricsOffAnswer404WithAJsonError() {
    try (FixtureLlmServer llm = FixtureLlmServer.start();
        PipelineOnBroker pipeline = PipelineOnBroker.create(broker.kafka(), broker.dir(), "metrics-off",
            Map.of(ChatstreamConfig.METRICS_ENABLED_CONFIG, "false"))) {
      ChatstreamService service = pipeline.start(llm.registry());
      HttpGet answer = HttpGet.of(service, "/metrics");
      assertEquals(404, answer.status());
      assertEquals(404, answer.json().get("status").asInt());
      assertTrue(answer.json().get("error").asText().contains("metrics.enabled"), answer.body());
    }
  }

  /**
   * The series the Grafana dashboard of docker-compose.yml queries, but those that only appear once
   * a fallback member changed availability.
   */
  private static Set<String> dashboardSeries() throws IOException {
    JsonNode dashboard = new ObjectMapper().readTree(Path.of("../ops/grafana/dashboards/chatstream.json").toFile());
    Set<String> series = new TreeSet<>();
    for (JsonNode target : dashboard.findValues("expr")) {
      String expr = target.asText().replaceAll("\\{[^}]*}", "").replaceAll("by \\([^)]*\\)", "");
      Matcher name = SERIES.matcher(expr);
      while (name.find()) {
        series.add(name.group());
      }
    }
    series.remove("chatstream_llm_available");
    assertTrue(series.size() > 10, series.toString());
    return series;
  }

  private static PrometheusText scrape(ChatstreamService service) {
    return PrometheusText.parse(HttpGet.of(service, "/metrics").body());
  }

  private static Map<String, String> with(Map<String, String> labels, String key, String value) {
    Map<String, String> more = new java.util.HashMap<>(labels);
    more.put(key, value);
    return more;
  }
}
