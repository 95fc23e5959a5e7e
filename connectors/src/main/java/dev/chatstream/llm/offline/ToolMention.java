package dev.chatstream.llm.offline;

import dev.chatstream.llm.tools.ToolDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a user message names a tool: its exact name, or the name with underscores read as spaces,
 * case-insensitive, as a whole word.
 *
 * @param tool the tool named
 * @param start where the mention starts in the message
 * @param end where it ends (exclusive)
 */
record ToolMention(ToolDefinition tool, int start, int end) {

  /**
   * The first mention of any of {@code tools} in {@code text}: the earliest, then the longest, then
   * the tool listed first.
   */
  static Optional<ToolMention> first(List<ToolDefinition> tools, String text) {
    ToolMention best = null;
    for (ToolDefinition tool : tools) {
      Optional<ToolMention> mention = of(tool, text);
      if (mention.isPresent() && (best == null || mention.get().before(best))) {
        best = mention.get();
      }
    }
    return Optional.ofNullable(best);
  }

  /** The first mention of {@code tool} in {@code text}. */
  static Optional<ToolMention> of(ToolDefinition tool, String text) {
    if (text == null) {
      return Optional.empty();
    }
    ToolMention best = null;
    for (Pattern pattern : patterns(tool.name())) {
      Matcher matcher = pattern.matcher(text);
      if (matcher.find()) {
        ToolMention mention = new ToolMention(tool, matcher.start(), matcher.end());
        if (best == null || mention.before(best)) {
          best = mention;
        }
      }
    }
    return Optional.ofNullable(best);
  }

  /** The message with this mention cut out. */
  String removeFrom(String text) {
    return text.substring(0, start) + " " + text.substring(end);
  }

  /** What follows the mention. */
  String after(String text) {
    return text.substring(end);
  }

  private boolean before(ToolMention other) {
    return start < other.start || (start == other.start && end - start > other.end - other.start);
  }

  private static List<Pattern> patterns(String name) {
    List<Pattern> patterns = new ArrayList<>(2);
    patterns.add(wholeWord(Pattern.quote(name)));
    List<String> parts = new ArrayList<>();
    for (String part : name.split("_")) {
      if (!part.isEmpty()) {
        parts.add(Pattern.quote(part));
      }
    }
    if (name.contains("_") && !parts.isEmpty()) {
      patterns.add(wholeWord(String.join("\\s+", parts)));
    }
    return patterns;
  }

  private static Pattern wholeWord(String regex) {
    return Pattern.compile(
        "(?<![\\p{Alnum}_])" + regex + "(?![\\p{Alnum}_])",
        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  }
}
