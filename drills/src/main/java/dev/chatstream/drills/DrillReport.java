package dev.chatstream.drills;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one drill measured and checked: named figures (runs, events, lost, duplicated, ...) in the
 * order they were recorded, and every check with whether it held. A drill passes when every check
 * held; {@link #print} ends with PASS or FAIL and the failed checks.
 */
public final class DrillReport {
  private final String drill;
  private final Map<String, Object> figures = new LinkedHashMap<>();
  private final List<String> failures = new ArrayList<>();
  private final long startedNanos = System.nanoTime();
  private int checks;

  DrillReport(String drill) {
    this.drill = drill;
  }

  /** Records how long the drill has run since its report was created, as the figure {@code drill time}. */
  DrillReport timed() {
    return figure("drill time", Duration.ofNanos(System.nanoTime() - startedNanos).toSeconds() + " s");
  }

  /** The drill's name, with its variant (e.g. {@code crash exactly_once_v2}). */
  public String drill() {
    return drill;
  }

  /** Records a figure; a later value of the same name replaces the earlier one. */
  DrillReport figure(String name, Object value) {
    figures.put(name, value);
    return this;
  }

  /** Records a check: {@code held} or a failure described by {@code what}. */
  DrillReport check(boolean held, String what) {
    checks++;
    if (!held) {
      failures.add(what);
    }
    return this;
  }

  /** Records a check that a count of bad things is zero, and the count as a figure. */
  DrillReport zero(String name, long count, String examples) {
    figure(name, count);
    return check(count == 0, name + " = " + count + (examples.isEmpty() ? "" : " (" + examples + ")"));
  }

  /** The figures recorded. */
  public Map<String, Object> figures() {
    return Map.copyOf(figures);
  }

  /** The checks that failed. */
  public List<String> failures() {
    return List.copyOf(failures);
  }

  /** True when every check held. */
  public boolean passed() {
    return failures.isEmpty();
  }

  /** Prints the figures, then PASS or FAIL with the failed checks. */
  public void print(PrintStream out) {
    out.println("== drill " + drill);
    figures.forEach((name, value) -> out.println("  " + name + ": " + value));
    out.println("  checks: " + (checks - failures.size()) + " of " + checks + " held");
    failures.forEach(failure -> out.println("  FAILED: " + failure));
    out.println(passed() ? "PASS " + drill : "FAIL " + drill);
    out.flush();
  }
}
