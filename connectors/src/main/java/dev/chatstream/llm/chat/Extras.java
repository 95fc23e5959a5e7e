package dev.chatstream.llm.chat;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Immutable copies of the free-form {@code extra} maps that items and deltas carry. */
final class Extras {
  private Extras() {}

  /** An unmodifiable, order-keeping copy; empty for null. Values may be null. */
  static Map<String, Object> copyOf(Map<String, Object> extra) {
    if (extra == null || extra.isEmpty()) {
      return Map.of();
    }
    return Collections.unmodifiableMap(new LinkedHashMap<>(extra));
  }
}
