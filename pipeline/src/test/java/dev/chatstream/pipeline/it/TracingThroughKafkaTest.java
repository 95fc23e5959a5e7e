package dev.chatstream.pipeline.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chatstream.events.FunctionCallEvent;
import dev.chatstream.events.ReplyCompleted;
import dev.chatstream.pipeline.client.ConversationProducer;
import dev.chatstream.pipeline.client.OutputRecord;
import dev.chatstream.pipeline.config.ChatstreamConfig;
import dev.chatstream.pipeline.testing.BrokerExtension;
import dev.chatstream.pipeline.testing.Eventually;
import dev.chatstream.pipeline.testing.FixtureLlmServer.Reply;
import dev.chatstream.pipeline.testing.FixtureLlmServer;
import dev.chatstream.pipeline.testing.OutputLog;
import dev.chatstream.pipeline.testing.PipelineOnBroker;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Tracing through Kafka on a real broker with the real OpenAI connector and an in-memory span
 * exporter: a client's span, the producer's send span, the pipeline's {@code chat {model}} span with
 * a child per attempt (the first one failed with a 500), the {@code traceparent} every output record
 * carries, a tool runner continuing the trace from the function-call record, and the next reply's
 * span in the same trace. Prompt and reply content only with {@code tracing.content.enabled}, and no
 * span nor header with tracing off.
 */
@Timeout(90)
class TracingThroughKafkaTest {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CALL_ID = "call_c91SqDXlYFuETYv8mUHzz6pp";
  private static final String CHAT_SPAN = "chat " + FixtureLlmServer.MODEL;
  private static final String WEATHER_TOOL = """
      {"name":"GetWeatherArgs","parameters":{"type":"object","properties":{"city":{"type":"string"},
       "country":{"type":"string"},"units":{"type":"string","enum":["c","f"]}},"required":["city","country","units"]}}""";
  private static final TextMapGetter<String> TRACEPARENT = new TextMapGetter<>() {
    @Override
    public Iterable<String> keys(String carrier) {
      return List.of("traceparent");
    }

    @Override
    public String get(String carrier, String key) {
      return "traceparent".equals(key) ? carrier : null;
    }
  };

  @RegisterExtension
  static final BrokerExtension broker = new BrokerExtension();

  private InMemorySpanExporter exported;
  private OpenTelemetrySdk otel;
  private Tracer tracer;

  @BeforeEach
  void openTelemetry() {
    exported = InMemorySpanExporter.create();
    otel = OpenTelemetrySdk.builder()
        .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(exported)).build())
        .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
        .build();
    tracer = otel.getTracer("test");
  }

  @AfterEach
  void close() {
    otel.close();
  }

  @Test
  void spansFollowARequestThroughKafkaAndATool() {
    try (FixtureLlmServer llm = FixtureLlmServer.start()
            .then(Reply.failure(500))
            .then(Reply.of(FixtureLlmServer.SINGLE_TOOL_CALL))
            .then(Reply.of(FixtureLlmServer.TEXT));
        PipelineOnBroker pipeline = pipeline("traced", Map.of());
        ConversationProducer producer = pipeline.tracedProducer(otel)) {
      pipeline.awaitRunning(pipeline.start(llm.registry(), otel));

      Span client = tracer.spanBuilder("client asks").startSpan();
      try (Scope scope = client.makeCurrent()) {
        producer.sendAndWait(PipelineOnBroker.parse("""
            {"type":"message","conversation_id":"t1","role":"user","content":["Weather in Edinburgh?"]}"""));
        producer.sendAndWait(PipelineOnBroker.parse("""
            {"type":"generate_reply","conversation_id":"t1","request_id":"r1","auto_tool_reply":true,"tools":[%s]}"""
            .formatted(WEATHER_TOOL)));
      } finally {
        client.end();
      }
      OutputLog out = pipeline.outputs();
      out.awaitEvent(FunctionCallEvent.class, e -> true, WAIT, "the function call");
      OutputRecord call = out.records(r -> r.event() instanceof FunctionCallEvent).get(0);

      Span tool = tracer.spanBuilder("tool runs").setParent(W3CTraceContextPropagator.getInstance()
          .extract(Context.root(), call.headers().get("traceparent"), TRACEPARENT)).startSpan();
      try (Scope scope = tool.makeCurrent()) {
        producer.sendAndWait(PipelineOnBroker.parse("""
            {"type":"function_call_output","conversation_id":"t1","call_id":"%s","name":"GetWeatherArgs",
             "output":"rain, 9 C","is_error":false}""".formatted(CALL_ID)));
      } finally {
        tool.end();
      }
      out.awaitEvent(ReplyCompleted.class, r -> r.getRequestId().equals("r1/tool-1"), WAIT, "the answer");
      Eventually.until(WAIT, "both chat spans exported", () -> spans(s -> s.getName().equals(CHAT_SPAN)).size() == 2);

      SpanData first = one(s -> s.getName().equals(CHAT_SPAN) && "r1".equals(attr(s, "chatstream.request.id")));
      assertEquals(SpanKind.CLIENT, first.getKind());
      assertEquals(client.getSpanContext().getTraceId(), first.getTraceId(), "one trace from the client on");
      SpanData send = byId(first.getParentSpanId());
      assertEquals(SpanKind.PRODUCER, send.getKind());
      assertEquals("send " + pipeline.topics().conversations().name(), send.getName());
      assertEquals(client.getSpanContext().getSpanId(), send.getParentSpanId());
      assertEquals("t1", attr(first, "gen_ai.conversation.id"));
      assertEquals("chat", attr(first, "gen_ai.operation.name"));
      assertEquals("openai", attr(first, "gen_ai.provider.name"));
      assertEquals(FixtureLlmServer.MODEL, attr(first, "gen_ai.request.model"));
      assertEquals(FixtureLlmServer.MODEL, attr(first, "gen_ai.response.model"));
      assertEquals("default", attr(first, "chatstream.llm.profile"));
      assertEquals(76L, first.getAttributes().get(AttributeKey.longKey("gen_ai.usage.input_tokens")));
      assertEquals(24L, first.getAttributes().get(AttributeKey.longKey("gen_ai.usage.output_tokens")));
      assertEquals(List.of("tool_calls"),
          first.getAttributes().get(AttributeKey.stringArrayKey("gen_ai.response.finish_reasons")));
      assertNull(attr(first, "gen_ai.input.messages"), "no content unless tracing.content.enabled");
      assertNull(attr(first, "gen_ai.output.messages"));
      assertEquals(StatusCode.UNSET, first.getStatus().getStatusCode(), "the generation succeeded after a retry");

      assertEquals(List.of("attempt", "attempt", "tool runs"), children(first).stream().map(SpanData::getName).sorted()
          .toList(), "the attempts, and the tool that continued the trace from the call's record");
      List<SpanData> attempts = children(first).stream().filter(s -> s.getName().equals("attempt"))
          .sorted((a, b) -> Long.compare(a.getStartEpochNanos(), b.getStartEpochNanos())).toList();
      assertEquals(StatusCode.ERROR, attempts.get(0).getStatus().getStatusCode());
      assertEquals("500", attr(attempts.get(0), "error.type"));
      assertEquals(1L, attempts.get(0).getAttributes().get(AttributeKey.longKey("chatstream.llm.attempt")));
      assertEquals(StatusCode.UNSET, attempts.get(1).getStatus().getStatusCode());
      assertEquals(2L, attempts.get(1).getAttributes().get(AttributeKey.longKey("chatstream.llm.attempt")));
      assertTrue(attempts.get(0).getEndEpochNanos() <= attempts.get(1).getStartEpochNanos());

      String firstContext = traceparent(first);
      List<OutputRecord> ofFirst = out.records(r -> "r1".equals(requestId(r)));
      assertTrue(ofFirst.size() >= 4, "the retry's error, the call, the reply, the metrics: " + ofFirst.size());
      ofFirst.forEach(r -> assertEquals(firstContext, r.headers().get("traceparent"), r.topic()));

      SpanData second = one(s -> s.getName().equals(CHAT_SPAN) && "r1/tool-1".equals(attr(s, "chatstream.request.id")));
      assertEquals(first.getTraceId(), second.getTraceId(), "the tool loop stays in the trace");
      SpanData toolSend = byId(second.getParentSpanId());
      assertEquals(SpanKind.PRODUCER, toolSend.getKind());
      assertEquals(tool.getSpanContext().getSpanId(), toolSend.getParentSpanId());
      assertEquals(first.getSpanId(), byId(tool.getSpanContext().getSpanId()).getParentSpanId(),
          "the tool continued the call's trace");
      assertEquals(List.of("stop"), second.getAttributes().get(AttributeKey.stringArrayKey("gen_ai.response.finish_reasons")));
      assertEquals(1, children(second).size());
      String secondContext = traceparent(second);
      out.awaitUntil(WAIT, "the answer's chunks", log -> !log.records(r -> "r1/tool-1".equals(requestId(r))
          && r.topic().endsWith("chunks")).isEmpty());
      out.records(r -> "r1/tool-1".equals(requestId(r)))
          .forEach(r -> assertEquals(secondContext, r.headers().get("traceparent"), r.topic()));
    }
  }

  @Test
  void contentIsOnSpansOnlyWhenAskedFor() throws Exception {
    try (FixtureLlmServer llm = FixtureLlmServer.start().then(Reply.of(FixtureLlmServer.TEXT));
        PipelineOnBroker pipeline = pipeline("content", Map.of(ChatstreamConfig.TRACING_CONTENT_ENABLED_CONFIG, "true"))) {
      pipeline.awaitRunning(pipeline.start(llm.registry(), otel));
      pipeline.send("""
          {"type":"message","conversation_id":"t2","role":"user","content":["What is the weather like?"]}""");
      pipeline.send("""
          {"type":"generate_reply","conversation_id":"t2","request_id":"r2"}""");
      Eventually.until(WAIT, "the chat span", () -> spans(s -> s.getName().equals(CHAT_SPAN)).size() == 1);
      SpanData chat = one(s -> s.getName().equals(CHAT_SPAN));
      assertFalse(chat.getParentSpanContext().isValid(), "a record without traceparent starts a trace");

      JsonNode input = JSON.readTree(attr(chat, "gen_ai.input.messages"));
      assertEquals(JSON.readTree("""
          [{"role":"user","parts":[{"type":"text","content":"What is the weather like?"}]}]"""), input);
      JsonNode output = JSON.readTree(attr(chat, "gen_ai.output.messages"));
      assertEquals(FixtureLlmServer.TEXT_REPLY, output.at("/0/parts/0/content").asText());
      assertEquals("assistant", output.at("/0/role").asText());
      assertEquals("stop", output.at("/0/finish_reason").asText());
    }
  }

  @Test
  void tracingOffMakesNoSpanAndWritesNoHeader() {
    try (FixtureLlmServer llm = FixtureLlmServer.start().then(Reply.of(FixtureLlmServer.TEXT));
        PipelineOnBroker pipeline = pipeline("untraced", Map.of(ChatstreamConfig.TRACING_ENABLED_CONFIG, "false"));
        ConversationProducer producer = pipeline.tracedProducer(otel)) {
      pipeline.awaitRunning(pipeline.start(llm.registry(), otel));
      producer.sendAndWait(PipelineOnBroker.parse("""
          {"type":"generate_reply","conversation_id":"t3","request_id":"r3"}"""));
      OutputLog out = pipeline.outputs();
      out.awaitEvent(ReplyCompleted.class, r -> r.getRequestId().equals("r3"), WAIT, "the reply");
      List<OutputRecord> outputs = out.records(r -> "r3".equals(requestId(r)));
      assertFalse(outputs.isEmpty());
      outputs.forEach(r -> assertFalse(r.headers().containsKey("traceparent"), r.topic()));
      assertEquals(List.of(SpanKind.PRODUCER), exported.getFinishedSpanItems().stream().map(SpanData::getKind).toList(),
          "only the test's own send span");
    }
  }

  private PipelineOnBroker pipeline(String name, Map<String, String> overrides) {
    Map<String, String> settings = new java.util.HashMap<>(Map.of(
        ChatstreamConfig.PROCESSING_GUARANTEE_CONFIG, ChatstreamConfig.AT_LEAST_ONCE,
        ChatstreamConfig.TRACING_ENABLED_CONFIG, "true"));
    settings.putAll(overrides);
    return PipelineOnBroker.create(broker.kafka(), broker.dir().resolve(name), name, settings);
  }

  private List<SpanData> spans(Predicate<SpanData> filter) {
    return exported.getFinishedSpanItems().stream().filter(filter).toList();
  }

  private SpanData one(Predicate<SpanData> filter) {
    List<SpanData> found = spans(filter);
    assertEquals(1, found.size(), () -> "spans: " + exported.getFinishedSpanItems());
    return found.get(0);
  }

  private SpanData byId(String spanId) {
    return one(s -> s.getSpanId().equals(spanId));
  }

  private List<SpanData> children(SpanData parent) {
    return spans(s -> s.getParentSpanId().equals(parent.getSpanId()) && s.getTraceId().equals(parent.getTraceId()));
  }

  private static String traceparent(SpanData span) {
    return "00-" + span.getTraceId() + "-" + span.getSpanId() + "-" + span.getSpanContext().getTraceFlags().asHex();
  }

  private static String attr(SpanData span, String key) {
    return span.getAttributes().get(AttributeKey.stringKey(key));
  }

  private static String requestId(OutputRecord record) {
    return record.event() instanceof org.apache.avro.specific.SpecificRecordBase event
        && event.getSchema().getField("request_id") != null ? String.valueOf(event.get("request_id")) : null;
  }
}
