package dev.chatstream.bench;

import java.util.Locale;

/** How the report prints numbers. */
final class Format {
  private Format() {}

  static String count(double value) {
    return String.format(Locale.ROOT, "%,.0f", value);
  }

  static String millis(double value) {
    if (value < 0 && value > -0.05) {
      value = 0;
    }
    double magnitude = Math.abs(value);
    String pattern = magnitude >= 100 ? "%,.0f ms" : magnitude >= 10 ? "%.1f ms" : "%.2f ms";
    return String.format(Locale.ROOT, pattern, value);
  }

  /** Milliseconds shown in microseconds when small; negative means not measured. */
  static String duration(double millis) {
    if (millis < 0) {
      return "n/a";
    }
    return Math.abs(millis) < 1 ? String.format(Locale.ROOT, "%.1f µs", millis * 1000) : millis(millis);
  }

  static String percent(double share) {
    return String.format(Locale.ROOT, share < 0.995 && share > 0.005 ? "%.1f %%" : "%.0f %%", share * 100);
  }

  static String bytes(long bytes) {
    if (bytes <= 0) {
      return "n/a";
    }
    double mib = bytes / (1024.0 * 1024.0);
    return mib >= 1024 ? String.format(Locale.ROOT, "%.1f GiB", mib / 1024) : String.format(Locale.ROOT, "%.0f MiB", mib);
  }
}
