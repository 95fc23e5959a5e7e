package dev.chatstream.pipeline.internals.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatstream.pipeline.internals.state.GenerationEntry;
import dev.chatstream.pipeline.testing.ManualProvider;
import dev.chatstream.pipeline.testing.TopologyHarness;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class InflightBoundTest {
  private final TopologyHarness harness = new TopologyHarness(Map.of("max.inflight.generations", "1"));

  @AfterEach
  void close() {
    harness.close();
  }

  private void generate(String conversation, String requestId) {
    harness.send("{\"type\":\"generate_reply\",\"conversation_id\":\"" + conversation + "\",\"request_id\":\""
        + requestId + "\"}");
  }

  @Test
  void excessGenerationsWaitDurablyUntilAPermitIsFree() {
    generate("a", "ra");
    generate("b", "rb");
    ManualProvider.Call first = harness.provider.nextCall();
    assertEquals("ra", first.request().requestId());
    assertTrue(harness.provider.noPendingCalls(), "the bound is one generation in flight");
    GenerationEntry waiting = harness.generationStore().head("b").orElseThrow();
    assertEquals(GenerationEntry.Status.QUEUED, waiting.status());

    harness.drain();
    assertTrue(harness.provider.noPendingCalls(), "still no permit while the first one runs");

    first.text("done").complete();
    harness.drain();
    ManualProvider.Call second = harness.provider.nextCall();
    assertEquals("rb", second.request().requestId());
    assertEquals(GenerationEntry.Status.RUNNING, harness.generationStore().head("b").orElseThrow().status());
  }

  @Test
  void cancellingAWaitingRequestFreesNothingAndRemovesIt() {
    generate("a", "ra");
    generate("b", "rb");
    ManualProvider.Call first = harness.provider.nextCall();
    harness.send("{\"type\":\"cancel\",\"conversation_id\":\"b\",\"request_id\":\"rb\"}");
    assertTrue(harness.generationStore().entries("b").isEmpty());
    first.complete();
    harness.drain();
    assertTrue(harness.provider.noPendingCalls());
  }
}
