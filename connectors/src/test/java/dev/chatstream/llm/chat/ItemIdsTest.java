package dev.chatstream.llm.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ItemIdsTest {

  @Test
  void newItemIdIsItemPrefixAndTwelveHexDigits() {
    assertTrue(ItemIds.newItemId().matches("item_[0-9a-f]{12}"));
  }

  @Test
  void newImageIdIsImgPrefixAndTwelveHexDigits() {
    assertTrue(ItemIds.newImageId().matches("img_[0-9a-f]{12}"));
  }

  @Test
  void generatedIdsDoNotRepeat() {
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      ids.add(ItemIds.newItemId());
    }
    assertEquals(10_000, ids.size());
  }

  @Test
  void functionCallIdIsMessageIdSlashFncIndex() {
    assertEquals("item_abc/fnc_0", ItemIds.functionCallId("item_abc", 0));
    assertEquals("item_abc/fnc_12", ItemIds.functionCallId("item_abc", 12));
  }

  @Test
  void functionCallIdRejectsNegativeIndex() {
    IllegalArgumentException error =
        assertThrows(IllegalArgumentException.class, () -> ItemIds.functionCallId("m", -1));
    assertEquals("function call index must be >= 0, was -1", error.getMessage());
  }

  @Test
  void groupOfFunctionCallIdIsItsMessageId() {
    assertEquals("item_abc", ItemIds.groupOf(ItemIds.functionCallId("item_abc", 3)));
  }

  @Test
  void groupOfIdWithoutSlashIsTheIdItself() {
    assertEquals("item_abc", ItemIds.groupOf("item_abc"));
  }

  @Test
  void groupOfStopsAtTheFirstSlash() {
    assertEquals("a", ItemIds.groupOf("a/b/c"));
  }

  @Test
  void functionCallGroupPrefersGroupId() {
    FunctionCall grouped = new FunctionCall("M/fnc_0", "call", "f", "{}", 1, Map.of(), "G");
    FunctionCall byPrefix = new FunctionCall("M/fnc_1", "call", "f", "{}", 1, Map.of(), null);

    assertEquals("G", grouped.group());
    assertEquals("M", byPrefix.group());
    assertNotEquals(grouped.group(), byPrefix.group());
  }
}
