package dev.chatstream.pipeline.internals.state;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class StateCodecsTest {

  @Test
  void headerRoundTripsWithoutToolLoop() {
    ConversationHeader header = new ConversationHeader(3, 1200, 9, 4, null);
    ConversationHeader decoded = ConversationHeaderCodec.decode(ConversationHeaderCodec.encode(header));
    assertEquals(header, decoded);
    assertNull(decoded.toolLoop());
  }

  @Test
  void headerRoundTripsWithToolLoop() {
    ConversationHeader.ToolLoop loop =
        new ConversationHeader.ToolLoop(new byte[] {1, 2, 3}, "req-1", 2, List.of("call_a", "call_b"));
    ConversationHeader decoded =
        ConversationHeaderCodec.decode(ConversationHeaderCodec.encode(ConversationHeader.EMPTY.withToolLoop(loop)));
    assertArrayEquals(new byte[] {1, 2, 3}, decoded.toolLoop().request());
    assertEquals("req-1", decoded.toolLoop().requestId());
    assertEquals(2, decoded.toolLoop().step());
    assertEquals(List.of("call_a", "call_b"), decoded.toolLoop().pendingCallIds());
  }

  @Test
  void toolLoopCompletesWhenEveryCallHasItsOutput() {
    ConversationHeader.ToolLoop loop =
        new ConversationHeader.ToolLoop(new byte[0], "r", 1, List.of("a", "b"));
    assertEquals(false, loop.withOutputFor("a").isComplete());
    assertEquals(true, loop.withOutputFor("a").withOutputFor("b").isComplete());
    assertEquals(List.of("b"), loop.withOutputFor("a").withOutputFor("unknown").pendingCallIds());
  }

  @Test
  void generationEntryRoundTrips() {
    GenerationEntry entry =
        new GenerationEntry(5, GenerationEntry.Status.RUNNING, 2, "req-ü", 1, 1700000000.25, new byte[] {9, 8});
    GenerationEntry decoded = GenerationEntryCodec.decode(GenerationEntryCodec.encode(entry));
    assertEquals(entry.seq(), decoded.seq());
    assertEquals(entry.status(), decoded.status());
    assertEquals(entry.attempt(), decoded.attempt());
    assertEquals(entry.requestId(), decoded.requestId());
    assertEquals(entry.toolStep(), decoded.toolStep());
    assertEquals(entry.createdAt(), decoded.createdAt());
    assertArrayEquals(entry.request(), decoded.request());
  }

  @Test
  void nextAttemptMarksTheEntryRunning() {
    GenerationEntry queued = new GenerationEntry(0, GenerationEntry.Status.QUEUED, 0, "r", 0, 1.0, new byte[0]);
    GenerationEntry running = queued.nextAttempt();
    assertEquals(GenerationEntry.Status.RUNNING, running.status());
    assertEquals(1, running.attempt());
    assertEquals(2, running.nextAttempt().attempt());
  }

  @Test
  void unknownVersionsAreRejected() {
    byte[] header = ConversationHeaderCodec.encode(ConversationHeader.EMPTY);
    header[0] = 99;
    assertThrows(IllegalStateException.class, () -> ConversationHeaderCodec.decode(header));
  }
}
