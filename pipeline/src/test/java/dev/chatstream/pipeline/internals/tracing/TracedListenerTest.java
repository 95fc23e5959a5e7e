package dev.chatstream.pipeline.internals.tracing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatstream.llm.ErrorKind;
import dev.chatstream.llm.LlmError;
import dev.chatstream.llm.LlmMetrics;
import dev.chatstream.llm.LlmStreamListener;
import dev.chatstream.llm.stream.ChatChunk;
import dev.chatstream.llm.stream.ChoiceDelta;
import dev.chatstream.llm.stream.FunctionToolCall;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TracedListenerTest {
  private final InMemorySpanExporter exported = InMemorySpanExporter.create();
  private final Tracer tracer = SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(exported))
      .build().get("test");
  private final List<String> delivered = new ArrayList<>();
  private final LlmStreamListener delegate = new LlmStreamListener() {
    @Override
    public void onChunk(ChatChunk chunk) {
      delivered.add("chunk");
    }

    @Override
    public void onRetry(LlmError error) {
      delivered.add("retry");
    }

    @Override
    public void onComplete(LlmMetrics metrics) {
      delivered.add("complete");
    }

    @Override
    public void onError(LlmError error) {
      delivered.add("error");
    }
  };

  @Test
  void aFinalFailureMarksTheAttemptAndTheGeneration() {
    TracedListener listener = new TracedListener(tracer, tracer.spanBuilder("chat m").startSpan(), delegate, false);
    listener.onRetry(error(ErrorKind.TIMEOUT, null, true));
    listener.onError(error(ErrorKind.STATUS, 400, false));

    SpanData chat = span("chat m");
    assertEquals(StatusCode.ERROR, chat.getStatus().getStatusCode());
    assertEquals("400", chat.getAttributes().get(AttributeKey.stringKey("error.type")));
    List<SpanData> attempts = exported.getFinishedSpanItems().stream().filter(s -> s.getName().equals("attempt")).toList();
    assertEquals(List.of("APITimeoutError", "400"),
        attempts.stream().map(s -> s.getAttributes().get(AttributeKey.stringKey("error.type"))).toList());
    attempts.forEach(a -> assertEquals(chat.getSpanId(), a.getParentSpanId()));
    assertEquals(List.of("retry", "error"), delivered, "every event goes on");
  }

  @Test
  void toolCallsAndCancellationSetTheFinishReasonAndContentWhenAskedFor() {
    Span chat = tracer.spanBuilder("chat tools").startSpan();
    TracedListener listener = new TracedListener(tracer, chat, delegate, true);
    listener.onChunk(new ChatChunk("resp-1", ChoiceDelta.text("Checking. "), null));
    listener.onChunk(new ChatChunk("resp-1", ChoiceDelta.toolCalls(List.of(
        FunctionToolCall.of("get_weather", "{\"city\":\"Paris\"}", "call_1"))), null));
    listener.onComplete(new LlmMetrics("x.LLM", "r", 0, 1, 0.1, false, 3, 5, 0, 0, 8, 3, "m-1", "openai"));

    SpanData span = span("chat tools");
    assertEquals(List.of("tool_calls"), span.getAttributes().get(AttributeKey.stringArrayKey("gen_ai.response.finish_reasons")));
    assertEquals("resp-1", span.getAttributes().get(AttributeKey.stringKey("gen_ai.response.id")));
    String output = span.getAttributes().get(AttributeKey.stringKey("gen_ai.output.messages"));
    assertTrue(output.contains("\"content\":\"Checking. \"") && output.contains("\"name\":\"get_weather\""), output);

    TracedListener cancelled = new TracedListener(tracer, tracer.spanBuilder("chat cancelled").startSpan(), delegate, false);
    cancelled.onComplete(null);
    SpanData none = span("chat cancelled");
    assertEquals(List.of("cancelled"), none.getAttributes().get(AttributeKey.stringArrayKey("gen_ai.response.finish_reasons")));
    assertNull(none.getAttributes().get(AttributeKey.stringKey("gen_ai.output.messages")), "no content unless asked for");
    assertEquals(StatusCode.UNSET, none.getStatus().getStatusCode());
  }

  private SpanData span(String name) {
    return exported.getFinishedSpanItems().stream().filter(s -> s.getName().equals(name)).findFirst().orElseThrow();
  }

  private static LlmError error(ErrorKind kind, Integer status, boolean recoverable) {
    return new LlmError(1.0, "openai.LLM", kind, "failed", status, null, null, recoverable, recoverable);
  }
}
