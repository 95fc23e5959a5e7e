package dev.chatstream.pipeline.internals.generation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatstream.llm.LlmStreamListener;
import dev.chatstream.llm.state.ProviderConversation;
import dev.chatstream.llm.stream.ChatChunk;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProviderEventQueueTest {

  private final ProviderEventQueue queue = new ProviderEventQueue();
  private final LlmStreamListener listener = queue.listenerFor(new GenerationHandle("c1", "r1", 1, 0));

  @Test
  void drainsOldestFirstUpToTheEventLimit() {
    for (int i = 0; i < 5; i++) {
      listener.onChunk(new ChatChunk("chunk-" + i, null, null));
    }
    List<String> seen = new ArrayList<>();

    int drained = queue.drain(3, Duration.ofSeconds(10), event -> seen.add(((ProviderEvent.Chunk) event).chunk().id()));

    assertEquals(3, drained);
    assertEquals(List.of("chunk-0", "chunk-1", "chunk-2"), seen);
    assertFalse(queue.isEmpty());
  }

  @Test
  void stopsOnceItsTimeBudgetIsSpentAndLeavesTheRestQueued() {
    for (int i = 0; i < 10; i++) {
      listener.onChunk(new ChatChunk("chunk-" + i, null, null));
    }
    List<ProviderEvent> seen = new ArrayList<>();

    int first = queue.drain(100, Duration.ofMillis(30), event -> {
      seen.add(event);
      sleep(Duration.ofMillis(20));
    });

    assertTrue(first >= 1 && first <= 2, "two 20 ms events use up a 30 ms budget, drained " + first);
    int rest = queue.drain(100, Duration.ofSeconds(10), seen::add);
    assertEquals(10 - first, rest);
    assertTrue(queue.isEmpty());
  }

  @Test
  void aProviderStateIsQueuedForTheStreamThreadLikeEveryOtherEvent() {
    ProviderConversation state = ProviderConversation.empty("conv_1", "https://api.openai.com/v1");
    listener.onProviderState(state);
    listener.onProviderState(null);
    List<ProviderEvent> seen = new ArrayList<>();

    queue.drain(10, Duration.ofSeconds(10), seen::add);

    assertEquals(List.of(new ProviderEvent.State(new GenerationHandle("c1", "r1", 1, 0), state),
        new ProviderEvent.State(new GenerationHandle("c1", "r1", 1, 0), null)), seen);
    assertFalse(seen.getFirst().isTerminal());
  }

  @Test
  void handsOverOneEventEvenWithNoBudgetLeft() {
    listener.onChunk(new ChatChunk("only", null, null));

    assertEquals(1, queue.drain(100, Duration.ZERO, event -> { }));
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
