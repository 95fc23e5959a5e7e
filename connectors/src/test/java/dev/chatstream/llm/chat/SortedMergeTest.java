package dev.chatstream.llm.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class SortedMergeTest {

  private static List<ChatItem> messages(String prefix, List<Integer> times, boolean sort) {
    List<Integer> ordered = new ArrayList<>(times);
    if (sort) {
      ordered.sort(null);
    }
    List<ChatItem> items = new ArrayList<>();
    for (int i = 0; i < ordered.size(); i++) {
      items.add(new ChatMessage(prefix + i, ChatRole.USER, List.of(new TextContent(prefix + i)), false, null, Map.of(),
          ordered.get(i)));
    }
    return items;
  }

  private static List<String> insertOneByOne(List<ChatItem> existing, List<ChatItem> added) {
    ChatContext context = ChatContext.of(existing);
    added.forEach(context::insert);
    return context.items().stream().map(ChatItem::id).toList();
  }

  private static List<String> insertAll(List<ChatItem> existing, List<ChatItem> added) {
    ChatContext context = ChatContext.of(existing);
    context.insert(added);
    return context.items().stream().map(ChatItem::id).toList();
  }

  @Property
  void insertingAListGivesTheOrderOfInsertingEachItem(
      @ForAll @Size(max = 30) List<@IntRange(min = 0, max = 10) Integer> existingTimes,
      @ForAll @Size(max = 30) List<@IntRange(min = 0, max = 10) Integer> addedTimes,
      @ForAll boolean sortExisting,
      @ForAll boolean sortAdded) {
    List<ChatItem> existing = messages("e", existingTimes, sortExisting);
    List<ChatItem> added = messages("a", addedTimes, sortAdded);
    assertEquals(insertOneByOne(existing, added), insertAll(existing, added));
  }
}
