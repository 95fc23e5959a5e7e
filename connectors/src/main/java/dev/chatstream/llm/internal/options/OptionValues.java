package dev.chatstream.llm.internal.options;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** What every connector's option record does with its values: copies of option maps, presence, environment look-ups. */
public final class OptionValues {

  private OptionValues() {}

  /** An unmodifiable copy keeping the order; null becomes empty. */
  public static Map<String, Object> copy(Map<String, Object> options) {
    if (options == null || options.isEmpty()) {
      return Map.of();
    }
    options.keySet().forEach(key -> Objects.requireNonNull(key, "extra option names must not be null"));
    return Collections.unmodifiableMap(new LinkedHashMap<>(options));
  }

  /** Whether {@code value} holds something other than whitespace. */
  public static boolean present(String value) {
    return value != null && !value.isBlank();
  }

  /** {@code value} when present, else {@code fallback}. */
  public static String orDefault(String value, String fallback) {
    return present(value) ? value : fallback;
  }

  /** The value of the first of {@code names} set in {@code environment}, or null. */
  public static String firstPresent(Map<String, String> environment, String... names) {
    for (String name : names) {
      String value = environment.get(name);
      if (present(value)) {
        return value;
      }
    }
    return null;
  }
}
