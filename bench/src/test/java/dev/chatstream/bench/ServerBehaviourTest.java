package dev.chatstream.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class ServerBehaviourTest {

  @Test
  void replyLastsTheTimeToFirstTokenPlusTheGapsBetweenTokens() {
    assertEquals(Duration.ofMillis(2_000), ServerBehaviour.of(200, 200, 10, 0).replyDuration());
    assertEquals(Duration.ofMillis(50), ServerBehaviour.of(50, 1_000, 1, 0).replyDuration());
  }

  @Test
  void failuresAreSpreadEvenlyAtExactlyTheRate() {
    ServerBehaviour quarter = ServerBehaviour.of(0, 0, 1, 0.25);
    assertEquals(25, LongStream.range(0, 100).filter(quarter::fails).count());
    assertEquals(0, LongStream.range(0, 3).filter(quarter::fails).count(), "none among the first three");
    assertEquals(0, LongStream.range(0, 100).filter(ServerBehaviour.of(0, 0, 1, 0)::fails).count());
    assertEquals(100, LongStream.range(0, 100).filter(ServerBehaviour.of(0, 0, 1, 1)::fails).count());
  }

  @Test
  void impossibleBehavioursAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> ServerBehaviour.of(-1, 0, 1, 0));
    assertThrows(IllegalArgumentException.class, () -> ServerBehaviour.of(0, 0, 0, 0));
    assertThrows(IllegalArgumentException.class, () -> ServerBehaviour.of(0, 0, 1, 1.01));
    assertThrows(IllegalArgumentException.class, () -> ServerBehaviour.of(0, 0, 1, Double.NaN));
  }
}
