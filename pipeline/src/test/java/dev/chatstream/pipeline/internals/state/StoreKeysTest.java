package dev.chatstream.pipeline.internals.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.utils.Bytes;
import org.junit.jupiter.api.Test;

class StoreKeysTest {

  @Test
  void itemKeysSortByTimeThenArrival() {
    Bytes early = StoreKeys.itemKey("c", StoreKeys.orderKey(10.5, 7));
    Bytes tieFirst = StoreKeys.itemKey("c", StoreKeys.orderKey(20.0, 1));
    Bytes tieSecond = StoreKeys.itemKey("c", StoreKeys.orderKey(20.0, 2));
    Bytes late = StoreKeys.itemKey("c", StoreKeys.orderKey(1e9, 0));
    List<Bytes> keys = new ArrayList<>(List.of(late, tieSecond, early, tieFirst));
    keys.sort(Bytes::compareTo);
    assertEquals(List.of(early, tieFirst, tieSecond, late), keys);
  }

  @Test
  void negativeAndZeroTimesSortBeforePositive() {
    Bytes negative = StoreKeys.itemKey("c", StoreKeys.orderKey(-1.0, 0));
    Bytes zero = StoreKeys.itemKey("c", StoreKeys.orderKey(0.0, 0));
    Bytes positive = StoreKeys.itemKey("c", StoreKeys.orderKey(0.000001, 0));
    assertTrue(negative.compareTo(zero) < 0);
    assertTrue(zero.compareTo(positive) < 0);
  }

  @Test
  void conversationPrefixesNeverOverlap() {
    Bytes shortPrefix = StoreKeys.conversationPrefix("ab");
    Bytes longKey = StoreKeys.itemKey("abc", StoreKeys.orderKey(1, 1));
    assertTrue(!startsWith(longKey.get(), shortPrefix.get()));
    assertTrue(startsWith(StoreKeys.itemKey("ab", StoreKeys.orderKey(1, 1)).get(), shortPrefix.get()));
  }

  @Test
  void keysRoundTripTheirParts() {
    Bytes key = StoreKeys.generationKey("conversation-é", 42);
    assertEquals("conversation-é", StoreKeys.conversationOf(key));
    assertEquals(42, StoreKeys.generationSeqOf(key));
  }

  @Test
  void generationKeysSortByQueuePosition() {
    assertTrue(StoreKeys.generationKey("c", 2).compareTo(StoreKeys.generationKey("c", 10)) < 0);
  }

  private static boolean startsWith(byte[] value, byte[] prefix) {
    if (value.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (value[i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }
}
