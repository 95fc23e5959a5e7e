package dev.chatstream.pipeline.reprocess;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SelectionTest {

  @Test
  void everyFilterThatIsSetMustPass() {
    Instant since = Instant.parse("2026-12-01T00:00:00Z");
    Instant until = Instant.parse("2026-12-02T00:00:00Z");
    Selection selection = new Selection(since, until, Set.of("c1"), Set.of("r1", "r2"), false, null);

    assertTrue(selection.admits("c1", "r1", since.toEpochMilli()));
    assertFalse(selection.admits("c1", "r1", since.toEpochMilli() - 1), "before since");
    assertFalse(selection.admits("c1", "r1", until.toEpochMilli()), "until is exclusive");
    assertFalse(selection.admits("c2", "r1", since.toEpochMilli()), "another conversation");
    assertFalse(selection.admits("c1", "r3", since.toEpochMilli()), "another request");
    assertTrue(Selection.all().admits("any", "thing", 0));
  }

  @Test
  void impossibleSelectionsAreRefused() {
    Instant t = Instant.parse("2026-12-01T00:00:00Z");
    assertThrows(IllegalArgumentException.class, () -> new Selection(t, t, Set.of(), Set.of(), false, null));
    assertThrows(IllegalArgumentException.class, () -> new Selection(null, null, Set.of(), Set.of(), false, 0));
  }
}
