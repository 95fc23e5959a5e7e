package dev.chatstream.drills;

import java.util.Collection;
import java.util.stream.Collectors;

/** The first few of a collection, as a failure message shows them. */
final class Examples {
  private static final int SHOWN = 5;

  private Examples() {}

  static String of(Collection<?> items) {
    String shown = items.stream().limit(SHOWN).map(String::valueOf).collect(Collectors.joining(", "));
    return items.size() > SHOWN ? shown + ", ... " + (items.size() - SHOWN) + " more" : shown;
  }
}
