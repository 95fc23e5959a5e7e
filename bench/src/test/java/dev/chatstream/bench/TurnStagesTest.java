package dev.chatstream.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class TurnStagesTest {

  @Test
  void metricsAndReplyAreMatchedInEitherOrder() {
    TurnStages stages = new TurnStages();
    long now = System.currentTimeMillis();
    stages.sent("a");
    stages.sent("b");
    double startA = (now + 50) / 1000.0;
    stages.metrics("a", startA + 2.0, 2.0, true);
    stages.replied("a", now + 50 + 2_000 + 30, true);
    stages.replied("b", now + 3_000, true);
    stages.metrics("b", (now + 2_900) / 1000.0, 2.0, true);

    TurnStageTimes times = stages.summary();
    assertEquals(2, times.requestIn().count());
    assertEquals(2, times.replyOut().count());
    assertEquals(65, times.replyOut().meanMs(), 1);
    assertEquals(100, times.replyOut().maxMs(), 1);
  }

  @Test
  void turnsEndedOutsideTheMeasurementAreNotCounted() {
    TurnStages stages = new TurnStages();
    stages.sent("a");
    stages.metrics("a", System.currentTimeMillis() / 1000.0, 0.5, false);
    stages.replied("a", System.currentTimeMillis(), false);
    stages.sent("b");
    stages.failed("b");
    stages.replied("b", System.currentTimeMillis(), true);

    TurnStageTimes times = stages.summary();
    assertNull(times.requestIn());
    assertNull(times.replyOut());
  }
}
