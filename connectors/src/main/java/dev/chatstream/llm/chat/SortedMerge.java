package dev.chatstream.llm.chat;

import java.util.ArrayList;
import java.util.List;

/**
 * Inserting many items by time in one pass. When the context and the new items are each ordered by
 * {@code created_at}, inserting the new items one by one (each after the last item with the same or
 * an earlier time) gives exactly the stable merge of the two lists, existing items first on equal
 * times; that merge costs O(n + k) where the one-by-one insertion costs O(n · k).
 */
final class SortedMerge {
  private SortedMerge() {}

  /** True when {@code items} is ordered by {@code created_at} (equal times allowed). */
  static boolean isSortedByTime(List<? extends ChatItem> items) {
    for (int i = 1; i < items.size(); i++) {
      if (items.get(i - 1).createdAt() > items.get(i).createdAt()) {
        return false;
      }
    }
    return true;
  }

  /** The stable merge of two time-ordered lists, {@code existing} first on equal times. */
  static List<ChatItem> merge(List<ChatItem> existing, List<? extends ChatItem> added) {
    List<ChatItem> merged = new ArrayList<>(existing.size() + added.size());
    int i = 0;
    int j = 0;
    while (i < existing.size() && j < added.size()) {
      if (existing.get(i).createdAt() <= added.get(j).createdAt()) {
        merged.add(existing.get(i++));
      } else {
        merged.add(added.get(j++));
      }
    }
    merged.addAll(existing.subList(i, existing.size()));
    merged.addAll(added.subList(j, added.size()));
    return merged;
  }
}
