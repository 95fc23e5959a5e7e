package dev.chatstream.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class StaggerTest {

  @Test
  void startsEveryOneInOrderSpreadOverTheSpan() {
    List<Integer> started = new ArrayList<>();
    List<Long> times = new ArrayList<>();
    long begin = System.nanoTime();

    Stagger.over(Duration.ofMillis(200), 10, i -> {
      started.add(i);
      times.add(System.nanoTime() - begin);
    });

    assertEquals(IntStream.range(0, 10).boxed().toList(), started);
    assertTrue(times.get(9) >= Duration.ofMillis(170).toNanos(), "the last starts near the end of the span: " + times);
    assertTrue(times.get(0) < Duration.ofMillis(100).toNanos(), "the first starts near the beginning: " + times);
  }

  @Test
  void aZeroSpanStartsAllAtOnce() {
    List<Integer> started = new ArrayList<>();
    long begin = System.nanoTime();

    Stagger.over(Duration.ZERO, 1_000, started::add);

    assertEquals(1_000, started.size());
    assertTrue(System.nanoTime() - begin < Duration.ofSeconds(1).toNanos());
  }
}
