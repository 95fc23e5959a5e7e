package dev.chatstream.llm.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class ThinkingTokenFilterPropertyTest {

  /** Texts built from marker pieces, near-misses and plain text, so markers and their parts meet often. */
  @Provide
  Arbitrary<String> texts() {
    return Arbitraries.of("<think>", "</think>", "<", ">", "<th", "ink>", "</", "</thi", "nk>", "think", "<the",
            "a", "b c", "\n", "<think", "</think")
        .list().ofMaxSize(24)
        .map(pieces -> String.join("", pieces));
  }

  @Property(tries = 2000)
  void anySplitIntoChunksGivesTheTextWithoutThinkBlocks(
      @ForAll("texts") String text, @ForAll @Size(max = 12) List<@IntRange(max = 400) Integer> cuts) {
    assertEquals(withoutThinkBlocks(text), ThinkingTokenFilterTest.filter(split(text, cuts)));
  }

  private static List<String> split(String text, List<Integer> cuts) {
    TreeSet<Integer> positions = new TreeSet<>();
    cuts.forEach(cut -> positions.add(cut % (text.length() + 1)));
    List<String> chunks = new ArrayList<>();
    int start = 0;
    for (int position : positions) {
      chunks.add(text.substring(start, position));
      start = position;
    }
    chunks.add(text.substring(start));
    return chunks;
  }

  /** The whole text at once: each block from an opening marker to the next closing one goes, as does an unclosed tail. */
  private static String withoutThinkBlocks(String text) {
    StringBuilder out = new StringBuilder();
    int from = 0;
    while (true) {
      int open = text.indexOf("<think>", from);
      if (open < 0) {
        return out.append(text.substring(from)).toString();
      }
      out.append(text, from, open);
      int close = text.indexOf("</think>", open + "<think>".length());
      if (close < 0) {
        return out.toString();
      }
      from = close + "</think>".length();
    }
  }
}
