package dev.chatstream.pipeline.internals.reprocess;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatstream.pipeline.reprocess.Pacing;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class PacerTest {
  private long now = 1_000_000_000L;

  @Test
  void aRateSpreadsStartsEvenlyWithoutBursts() {
    Pacer pacer = new Pacer(new Pacing(10, 120, null), () -> now);

    assertTrue(pacer.tryStart(1));
    assertFalse(pacer.tryStart(1), "a second start at once would burst");
    advance(Duration.ofMillis(499));
    assertFalse(pacer.tryStart(1));
    advance(Duration.ofMillis(1));
    assertTrue(pacer.tryStart(1), "120/min is one start every 500 ms");
    advance(Duration.ofSeconds(10));
    assertTrue(pacer.tryStart(1));
    assertFalse(pacer.tryStart(1), "an idle spell does not save up starts");
  }

  @Test
  void aRefundGivesTheStartBack() {
    Pacer pacer = new Pacer(new Pacing(10, 60, null), () -> now);

    assertTrue(pacer.tryStart(1));
    pacer.refund(1);
    assertTrue(pacer.tryStart(1));
  }

  @Test
  void theTokenBudgetRefillsPerMinuteAndIsSettledWithRealUsage() {
    Pacer pacer = new Pacer(new Pacing(10, null, 1000), () -> now);

    assertTrue(pacer.tryStart(600));
    assertTrue(pacer.tryStart(600), "the budget is positive until a start takes it below zero");
    assertFalse(pacer.tryStart(1), "spent: 1000 - 1200 < 0");
    pacer.settle(600, 100);
    assertTrue(pacer.tryStart(400), "one generation used far fewer tokens than estimated: 300 left");
    assertFalse(pacer.tryStart(1));
    advance(Duration.ofSeconds(30));
    assertTrue(pacer.tryStart(1), "half a minute refills half the budget");
  }

  @Test
  void aPauseStopsEveryStartUntilItEnds() {
    Pacer pacer = new Pacer(Pacing.of(10), () -> now);

    pacer.pause(Duration.ofSeconds(2));
    assertFalse(pacer.tryStart(1));
    advance(Duration.ofMillis(1999));
    assertFalse(pacer.tryStart(1));
    advance(Duration.ofMillis(1));
    assertTrue(pacer.tryStart(1));
  }

  private void advance(Duration duration) {
    now += duration.toNanos();
  }
}
