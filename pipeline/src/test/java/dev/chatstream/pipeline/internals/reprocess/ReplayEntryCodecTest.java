package dev.chatstream.pipeline.internals.reprocess;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReplayEntryCodecTest {

  @Test
  void anEntryRoundTrips() {
    ReplayEntry entry = new ReplayEntry(7, true, 2, 1, "r-9", new byte[] {1, 2, 3},
        List.of(new byte[] {4}, new byte[] {5, 6}), new byte[] {9});

    ReplayEntry decoded = ReplayEntryCodec.decode(ReplayEntryCodec.encode(entry));

    assertEquals(7, decoded.seq());
    assertEquals(true, decoded.running());
    assertEquals(2, decoded.attempt());
    assertEquals(1, decoded.step());
    assertEquals("r-9/tool-1", decoded.stepRequestId());
    assertArrayEquals(new byte[] {1, 2, 3}, decoded.request());
    assertEquals(2, decoded.context().size());
    assertArrayEquals(new byte[] {5, 6}, decoded.context().get(1));
    assertArrayEquals(new byte[] {9}, decoded.partialResult());
  }

  @Test
  void aQueuedEntryWithoutResultRoundTripsAndItsNextStepIsQueuedWithTheAddedItems() {
    ReplayEntry entry = new ReplayEntry(0, false, 0, 0, "r", new byte[0], List.of(new byte[] {1}), null);

    ReplayEntry decoded = ReplayEntryCodec.decode(ReplayEntryCodec.encode(entry.nextAttempt()));
    ReplayEntry next = decoded.nextStep(List.of(new byte[] {2}, new byte[] {3}), new byte[] {8});

    assertNull(decoded.partialResult());
    assertEquals(1, decoded.attempt());
    assertEquals(false, next.running());
    assertEquals(0, next.attempt());
    assertEquals(1, next.step());
    assertEquals(3, next.context().size());
  }

  @Test
  void anUnknownVersionIsRefused() {
    byte[] bytes = ReplayEntryCodec.encode(new ReplayEntry(0, false, 0, 0, "r", new byte[0], List.of(), null));
    bytes[0] = 9;
    assertThrows(IllegalStateException.class, () -> ReplayEntryCodec.decode(bytes));
  }
}
