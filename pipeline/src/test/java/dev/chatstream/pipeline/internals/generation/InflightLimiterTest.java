package dev.chatstream.pipeline.internals.generation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class InflightLimiterTest {

  @Test
  void grantsPermitsUpToTheBound() {
    InflightLimiter limiter = new InflightLimiter(2);
    assertTrue(limiter.tryAcquire());
    assertTrue(limiter.tryAcquire());
    assertFalse(limiter.tryAcquire());
    limiter.release();
    assertTrue(limiter.tryAcquire());
    assertEquals(2, limiter.inflight());
  }

  @Test
  void releasingWithoutAPermitFails() {
    InflightLimiter limiter = new InflightLimiter(1);
    assertThrows(IllegalStateException.class, limiter::release);
    assertEquals(0, limiter.inflight());
  }

  @Test
  void rejectsANonPositiveBound() {
    assertThrows(IllegalArgumentException.class, () -> new InflightLimiter(0));
  }
}
