package dev.chatstream.llm.chat;

import static dev.chatstream.llm.chat.TestItems.ids;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class ChatContextPropertyTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Provide
  Arbitrary<List<ChatItem>> coarselyTimedItems() {
    return ChatItemArbitraries.uniqueItems(ChatItemArbitraries.coarseTimes(), 15);
  }

  @Provide
  Arbitrary<List<ChatItem>> preciselyTimedItems() {
    return ChatItemArbitraries.uniqueItems(ChatItemArbitraries.preciseTimes(), 8);
  }

  @Provide
  Arbitrary<List<ChatItem>> sortedItems() {
    return coarselyTimedItems().map(ChatContextPropertyTest::sortedByTime);
  }

  private static List<ChatItem> sortedByTime(List<ChatItem> items) {
    List<ChatItem> sorted = new ArrayList<>(items);
    sorted.sort(Comparator.comparingDouble(ChatItem::createdAt));
    return sorted;
  }

  @Property
  void insertKeepsItemsSortedAndTiesInArrivalOrder(@ForAll("coarselyTimedItems") List<ChatItem> arrivals) {
    ChatContext context = ChatContext.empty();

    context.insert(arrivals);

    assertEquals(sortedByTime(arrivals), context.items());
  }

  @Property
  void insertIntoSortedContextKeepsItSorted(
      @ForAll("sortedItems") List<ChatItem> existing, @ForAll("coarselyTimedItems") List<ChatItem> arrivals) {
    ChatContext context = ChatContext.of(existing);

    arrivals.forEach(context::insert);

    List<ChatItem> expected = new ArrayList<>(existing);
    expected.addAll(arrivals);
    assertEquals(sortedByTime(expected), context.items());
  }

  @Property
  void truncateFollowsItsRules(
      @ForAll("coarselyTimedItems") List<ChatItem> items, @ForAll @IntRange(min = 0, max = 17) int maxItems) {
    ChatContext context = ChatContext.of(items);
    ChatItem instruction = items.stream()
        .filter(i -> i instanceof ChatMessage m && m.role().isInstruction()).findFirst().orElse(null);

    List<ChatItem> result = List.copyOf(context.truncate(maxItems).items());

    if (items.size() <= maxItems) {
      assertEquals(items, result);
      return;
    }
    List<ChatItem> lastItems = items.subList(items.size() - maxItems, items.size());
    boolean restored = instruction != null && !lastItems.contains(instruction);
    List<ChatItem> kept = restored ? result.subList(1, result.size()) : result;
    assertTrue(result.size() <= maxItems + (restored ? 1 : 0), "never more than max (+1 restored)");
    if (restored) {
      assertEquals(instruction, result.getFirst(), "the first instruction is put back first");
    }
    if (instruction != null) {
      assertTrue(result.contains(instruction), "the first instruction is kept");
    }
    assertTrue(kept.isEmpty() || kept.getFirst() instanceof ChatMessage, "no leading function item");
    assertEquals(lastItems.subList(lastItems.size() - kept.size(), lastItems.size()), kept, "last items in order");
    lastItems.subList(0, lastItems.size() - kept.size())
        .forEach(dropped -> assertFalse(dropped instanceof ChatMessage, "only function items are dropped"));
  }

  @Property
  void mergeNeverDuplicatesIdsAndIsIdempotent(
      @ForAll("sortedItems") List<ChatItem> pool,
      @ForAll("masks") List<Boolean> inFirst,
      @ForAll("masks") List<Boolean> inSecond) {
    ChatContext first = ChatContext.of(pick(pool, inFirst));
    ChatContext second = ChatContext.of(pick(pool, inSecond));

    first.merge(second);
    List<ChatItem> once = List.copyOf(first.items());
    first.merge(second);

    Set<String> expectedIds = new LinkedHashSet<>(ids(ChatContext.of(pick(pool, inFirst))));
    expectedIds.addAll(ids(second));
    assertEquals(once, first.items(), "merging again changes nothing");
    assertEquals(first.size(), new HashSet<>(ids(first)).size(), "no duplicate ids");
    assertEquals(expectedIds, new HashSet<>(ids(first)), "every id of both contexts");
    assertEquals(sortedByTime(once), once, "merged by time");
  }

  @Provide
  Arbitrary<List<Boolean>> masks() {
    return Arbitraries.of(true, false).list().ofSize(15);
  }

  private static List<ChatItem> pick(List<ChatItem> pool, List<Boolean> mask) {
    List<ChatItem> picked = new ArrayList<>();
    for (int i = 0; i < pool.size(); i++) {
      if (mask.get(i)) {
        picked.add(pool.get(i));
      }
    }
    return picked;
  }

  @Property
  void fromDictOfToDictRestoresTheContext(@ForAll("preciselyTimedItems") List<ChatItem> items) throws Exception {
    ChatContext context = ChatContext.of(items);
    String json = MAPPER.writeValueAsString(context.toDict(DictOptions.includeAll()));

    ChatContext restored = ChatContext.fromDict(MAPPER.readTree(json));

    assertEquals(context.items(), restored.items());
  }

  @Property
  void defaultDictIsEquivalentOnceMediaIsGone(@ForAll("preciselyTimedItems") List<ChatItem> items)
      throws Exception {
    ChatContext context = ChatContext.of(items.stream().map(ChatContextPropertyTest::withoutMedia).toList());
    String json = MAPPER.writeValueAsString(context.toDict());

    assertTrue(context.isEquivalent(ChatContext.fromDict(MAPPER.readTree(json))));
  }

  private static ChatItem withoutMedia(ChatItem item) {
    if (!(item instanceof ChatMessage m)) {
      return item;
    }
    List<ChatContent> text = m.content().stream().filter(TextContent.class::isInstance).toList();
    return new ChatMessage(m.id(), m.role(), text, m.interrupted(), m.transcriptConfidence(), m.extra(),
        m.createdAt());
  }
}
