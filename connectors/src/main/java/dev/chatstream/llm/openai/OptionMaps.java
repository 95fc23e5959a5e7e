package dev.chatstream.llm.openai;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** Copies of extra-option maps, shared by the option records of this package. */
final class OptionMaps {

  private OptionMaps() {}

  /** An unmodifiable copy keeping the order; null becomes empty. */
  static Map<String, Object> copy(Map<String, Object> options) {
    if (options == null || options.isEmpty()) {
      return Map.of();
    }
    options.keySet().forEach(key -> Objects.requireNonNull(key, "extra option names must not be null"));
    return Collections.unmodifiableMap(new LinkedHashMap<>(options));
  }

  /** Whether {@code value} holds something other than whitespace. */
  static boolean present(String value) {
    return value != null && !value.isBlank();
  }
}
