package dev.chatstream.pipeline.internals.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.chatstream.llm.AvailabilityChanged;
import dev.chatstream.llm.ErrorKind;
import dev.chatstream.llm.LlmError;
import dev.chatstream.llm.LlmMetrics;
import dev.chatstream.llm.offline.OfflineProvider;
import dev.chatstream.pipeline.LlmRegistry;
import dev.chatstream.pipeline.internals.generation.ActiveGeneration;
import dev.chatstream.pipeline.internals.generation.GenerationHandle;
import dev.chatstream.pipeline.internals.generation.InflightLimiter;
import dev.chatstream.pipeline.internals.generation.ReplyAccumulator;
import dev.chatstream.pipeline.internals.generation.ReplyRequest;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PipelineMetersTest {
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final InflightLimiter limiter = new InflightLimiter(8);
  private final PipelineMeters meters =
      new PipelineMeters(registry, LlmRegistry.of("default", OfflineProvider.create()), limiter);

  @Test
  void aFailedGenerationRecordsItsDurationWithTheErrorTypeAndNoTokens() {
    ActiveGeneration generation = generation("gpt-x");
    meters.providerError(generation, error(429, true));
    meters.providerError(generation, error(429, false));

    assertEquals(1, registry.get("gen_ai.client.operation.duration").tag("error.type", "429")
        .tag("gen_ai.request.model", "gpt-x").tag("gen_ai.provider.name", "offline").tag("gen_ai.response.model", "")
        .timer().count());
    assertEquals(1, registry.get("chatstream.llm.retries").tag("error.type", "429").counter().count());
    assertEquals(2, registry.get("chatstream.llm.errors").tag("chatstream.error.kind", "STATUS").counter().count());
    assertNull(registry.find("gen_ai.client.token.usage").meter());
  }

  @Test
  void aCompletedGenerationRecordsTheAnsweringProviderAndModel() {
    meters.completed(generation(null), new LlmMetrics("offline.LLM", "r1", 0, 1.5, 0.25, false, 7, 11, 0, 0, 18, 4.6,
        "offline-echo-2", "anthropic"));
    var tags = registry.get("gen_ai.client.operation.duration").tag("gen_ai.request.model", "offline-echo")
        .tag("gen_ai.response.model", "offline-echo-2").tag("gen_ai.provider.name", "anthropic")
        .tag("chatstream.llm.profile", "default").tag("error.type", "");
    assertEquals(1.5, tags.timer().totalTime(java.util.concurrent.TimeUnit.MILLISECONDS) / 1000, 1e-9);
    assertEquals(11, registry.get("gen_ai.client.token.usage").tag("gen_ai.token.type", "input").summary().totalAmount());
    assertEquals(7, registry.get("gen_ai.client.token.usage").tag("gen_ai.token.type", "output").summary().totalAmount());
    assertEquals(Duration.ofMillis(250).toNanos(), registry.get("gen_ai.client.operation.time_to_first_chunk").timer()
        .totalTime(java.util.concurrent.TimeUnit.NANOSECONDS), 1);
  }

  @Test
  void gaugesFollowTheLimiterTheTasksAndTheMembers() {
    limiter.tryAcquire();
    PipelineMeters.TaskMeters first = meters.task();
    PipelineMeters.TaskMeters second = meters.task();
    first.waiting(2);
    second.waiting(3);
    assertEquals(1, registry.get("chatstream.generations.inflight").gauge().value());
    assertEquals(8, registry.get("chatstream.generations.inflight.limit").gauge().value());
    assertEquals(5, registry.get("chatstream.generations.queued").gauge().value());
    second.close();
    assertEquals(2, registry.get("chatstream.generations.queued").gauge().value(), "a closed task no longer counts");

    meters.availability(new AvailabilityChanged("openai.LLM", false, 1.0));
    assertEquals(0, registry.get("chatstream.llm.available").tag("chatstream.llm.member", "openai.LLM").gauge().value());
    meters.availability(new AvailabilityChanged("openai.LLM", true, 2.0));
    assertEquals(1, registry.get("chatstream.llm.available").tag("chatstream.llm.member", "openai.LLM").gauge().value());

    meters.deadLetters().deadLetter("oversized");
    meters.deadLetters().deadLetter("oversized");
    assertEquals(2, registry.get("chatstream.dlq.records").tag("chatstream.dlq.reason", "oversized").counter().count());
    meters.drained(2_000_000, 40);
    assertEquals(40, registry.get("chatstream.drain.events").summary().totalAmount());
  }

  private static ActiveGeneration generation(String model) {
    ReplyRequest request = new ReplyRequest("r1", null, model, Map.of(), List.of(), null, null, null, null, false, 5,
        false, Map.of());
    return new ActiveGeneration(new GenerationHandle("c1", "r1", 1, 0), request, new byte[0],
        new ReplyAccumulator("c1/r1", 1.0), 0);
  }

  private static LlmError error(int status, boolean recoverable) {
    return new LlmError(1.0, "offline.LLM", ErrorKind.STATUS, "rate limited", status, null, null, true, recoverable);
  }
}
