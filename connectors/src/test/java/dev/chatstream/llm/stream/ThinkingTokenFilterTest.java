package dev.chatstream.llm.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ThinkingTokenFilterTest {

  /** Feeds the chunks in order and returns everything the filter emitted, finish included. */
  static String filter(List<String> chunks) {
    ThinkingTokenFilter filter = new ThinkingTokenFilter();
    StringBuilder out = new StringBuilder();
    chunks.forEach(chunk -> out.append(filter.accept(chunk)));
    return out.append(filter.finish()).toString();
  }

  @Test
  void textWithoutMarkersPassesThroughAtOnce() {
    ThinkingTokenFilter filter = new ThinkingTokenFilter();
    assertEquals("Hello ", filter.accept("Hello "));
    assertEquals("world", filter.accept("world"));
    assertEquals("", filter.finish());
  }

  @Test
  void blockInOneChunkIsRemoved() {
    ThinkingTokenFilter filter = new ThinkingTokenFilter();
    assertEquals("before  after", filter.accept("before <think>plan it</think> after"));
  }

  @Test
  void textAfterCloseMarkerIsEmitted() {
    ThinkingTokenFilter filter = new ThinkingTokenFilter();
    assertEquals("", filter.accept("<think>hmm"));
    assertTrue(filter.thinking());
    assertEquals("", filter.accept(" still thinking"));
    assertEquals("\n\nThe answer", filter.accept("</think>\n\nThe answer"));
    assertFalse(filter.thinking());
    assertEquals(" is 4.", filter.accept(" is 4."));
  }

  @Test
  void openMarkerSplitAcrossChunksIsRecognised() {
    ThinkingTokenFilter filter = new ThinkingTokenFilter();
    assertEquals("Hi ", filter.accept("Hi <th"));
    assertEquals("", filter.accept("ink>secret"));
    assertTrue(filter.thinking());
    assertEquals("", filter.accept("</thi"));
    assertEquals("!", filter.accept("nk>!"));
  }

  @Test
  void textThatOnlyStartsLikeAMarkerIsEmittedOnceSettled() {
    ThinkingTokenFilter filter = new ThinkingTokenFilter();
    assertEquals("", filter.accept("<th"));
    assertEquals("<the end", filter.accept("e end"));
    assertEquals("a ", filter.accept("a <"));
    assertEquals("<b>", filter.accept("b>"));
  }

  @Test
  void heldBackPrefixIsEmittedByFinish() {
    ThinkingTokenFilter filter = new ThinkingTokenFilter();
    assertEquals("x ", filter.accept("x <thin"));
    assertEquals("<thin", filter.finish());
  }

  @Test
  void unclosedBlockIsDroppedAtTheEnd() {
    ThinkingTokenFilter filter = new ThinkingTokenFilter();
    assertEquals("Sure. ", filter.accept("Sure. <think>never closed"));
    assertEquals("", filter.accept(" and a partial </thi"));
    assertEquals("", filter.finish());
  }

  @Test
  void multipleBlocksAreAllRemoved() {
    assertEquals("a b c", filter(List.of("a <think>1</think>b", " <think>2</th", "ink>c")));
  }

  @Test
  void closeMarkerOutsideABlockIsOrdinaryText() {
    assertEquals("done</think> ok", filter(List.of("done</think>", " ok")));
  }

  @Test
  void nullDeltaEmitsNothing() {
    ThinkingTokenFilter filter = new ThinkingTokenFilter();
    assertEquals("", filter.accept(null));
    assertEquals("", filter.finish());
  }

  @Test
  void finishResetsForANewStream() {
    ThinkingTokenFilter filter = new ThinkingTokenFilter();
    filter.accept("<think>open");
    assertEquals("", filter.finish());
    assertFalse(filter.thinking());
    assertEquals("fresh", filter.accept("fresh"));
  }

  @Test
  void markersSplitAtEveryPositionGiveTheSameText() {
    String text = "Hi <think>a <b> </th </think>there<thi <think></think>!<think>x";
    String expected = "Hi there<thi !";
    for (int first = 0; first <= text.length(); first++) {
      for (int second = first; second <= text.length(); second++) {
        List<String> chunks = List.of(text.substring(0, first), text.substring(first, second), text.substring(second));
        assertEquals(expected, filter(chunks), "split at " + first + ", " + second);
      }
    }
  }

  @Test
  void characterByCharacterStreamGivesTheSameText() {
    String text = "<think>plan</think>Answer: <the> <think>more";
    List<String> chars = text.chars().mapToObj(c -> String.valueOf((char) c)).toList();
    assertEquals("Answer: <the> ", filter(chars));
  }
}
