package dev.chatstream.llm.offline;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** The reply-length limit in a request's extra options: {@code max_tokens} or {@code max_completion_tokens}. */
final class MaxTokens {
  /** The option names read; when several are set, the smallest limit applies. */
  static final List<String> KEYS = List.of("max_tokens", "max_completion_tokens");

  private MaxTokens() {}

  /**
   * The limit in {@code options}, or {@link Integer#MAX_VALUE} when none is set.
   *
   * @throws IllegalArgumentException when a limit is not a positive whole number
   */
  static int of(Map<String, Object> options) {
    int limit = Integer.MAX_VALUE;
    for (String key : KEYS) {
      Object value = options.get(key);
      if (value != null) {
        limit = Math.min(limit, parse(key, value));
      }
    }
    return limit;
  }

  private static int parse(String key, Object value) {
    if (!(value instanceof Number || value instanceof CharSequence)) {
      throw invalid(key, value);
    }
    BigDecimal number;
    try {
      number = new BigDecimal(value.toString().strip());
    } catch (NumberFormatException e) {
      throw invalid(key, value);
    }
    if (number.signum() <= 0 || number.stripTrailingZeros().scale() > 0) {
      throw invalid(key, value);
    }
    return number.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) >= 0 ? Integer.MAX_VALUE : number.intValueExact();
  }

  private static IllegalArgumentException invalid(String key, Object value) {
    return new IllegalArgumentException(key + " must be a positive whole number, was '" + value + "'");
  }
}
