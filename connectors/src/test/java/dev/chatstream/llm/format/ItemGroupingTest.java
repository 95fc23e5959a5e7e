package dev.chatstream.llm.format;

import static dev.chatstream.llm.format.Items.assistant;
import static dev.chatstream.llm.format.Items.call;
import static dev.chatstream.llm.format.Items.groupedCall;
import static dev.chatstream.llm.format.Items.output;
import static dev.chatstream.llm.format.Items.system;
import static dev.chatstream.llm.format.Items.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.chatstream.llm.chat.ChatItem;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class ItemGroupingTest {
  private final Logger logger = (Logger) LoggerFactory.getLogger(ItemGrouping.class);
  private final ListAppender<ILoggingEvent> logs = new ListAppender<>();

  @BeforeEach
  void captureLogs() {
    logs.start();
    logger.addAppender(logs);
  }

  @AfterEach
  void releaseLogs() {
    logger.detachAppender(logs);
  }

  private static List<String> ids(ItemGroup group) {
    return group.items().stream().map(ChatItem::id).toList();
  }

  @Test
  void groupsCallsWithTheirMessageByIdPrefix() {
    List<ItemGroup> groups = ItemGrouping.group(List.of(
        assistant("M", 1, "checking"),
        call("M/fnc_0", "c0", "weather", "{}", 2),
        call("M/fnc_1", "c1", "time", "{}", 2),
        output("o0", "c0", "weather", "sunny", 3),
        output("o1", "c1", "time", "noon", 3)));

    assertEquals(1, groups.size());
    assertEquals(List.of("M", "M/fnc_0", "M/fnc_1", "o0", "o1"), ids(groups.get(0)));
  }

  @Test
  void groupsCallsByGroupIdOverTheirIdPrefix() {
    List<ItemGroup> groups = ItemGrouping.group(List.of(
        assistant("reply", 1, "checking"),
        groupedCall("x/fnc_0", "reply", "c0", "weather", "{}", 2),
        output("o0", "c0", "weather", "sunny", 3)));

    assertEquals(List.of(List.of("reply", "x/fnc_0", "o0")), groups.stream().map(ItemGroupingTest::ids).toList());
  }

  @Test
  void callsWithoutMessageFormAGroupWithoutMessage() {
    List<ItemGroup> groups = ItemGrouping.group(List.of(
        groupedCall("a", "g", "c0", "weather", "{}", 1),
        groupedCall("b", "g", "c1", "time", "{}", 1),
        output("o0", "c0", "weather", "sunny", 2),
        output("o1", "c1", "time", "noon", 2)));

    assertEquals(1, groups.size());
    assertNull(groups.get(0).message());
    assertEquals(List.of("a", "b", "o0", "o1"), ids(groups.get(0)));
  }

  @Test
  void keepsGroupsInFirstSeenOrder() {
    List<ItemGroup> groups = ItemGrouping.group(List.of(
        user("u1", 1, "hi"),
        call("M/fnc_0", "c0", "weather", "{}", 2),
        user("u2", 3, "and?"),
        assistant("M", 4, "checking"),
        output("o0", "c0", "weather", "sunny", 5)));

    assertEquals(
        List.of(List.of("u1"), List.of("M", "M/fnc_0", "o0"), List.of("u2")),
        groups.stream().map(ItemGroupingTest::ids).toList());
  }

  @Test
  void ordersMessageThenCallsThenOutputsWithinAGroup() {
    List<ItemGroup> groups = ItemGrouping.group(List.of(
        output("o1", "c1", "time", "noon", 1),
        call("M/fnc_0", "c0", "weather", "{}", 2),
        output("o0", "c0", "weather", "sunny", 3),
        call("M/fnc_1", "c1", "time", "{}", 4),
        assistant("M", 5, "checking")));

    assertEquals(List.of(List.of("M", "M/fnc_0", "M/fnc_1", "o1", "o0")),
        groups.stream().map(ItemGroupingTest::ids).toList());
  }

  @Test
  void everyNonAssistantMessageIsItsOwnGroup() {
    List<ItemGroup> groups = ItemGrouping.group(List.of(
        system("s", 1, "be nice"), user("u1", 2, "a"), user("u2", 3, "b")));

    assertEquals(List.of(List.of("s"), List.of("u1"), List.of("u2")),
        groups.stream().map(ItemGroupingTest::ids).toList());
  }

  @Test
  void dropsOrphanOutputsWithAWarning() {
    List<ItemGroup> groups = ItemGrouping.group(List.of(
        user("u", 1, "hi"),
        output("orphan", "missing", "weather", "sunny", 2)));

    assertEquals(List.of(List.of("u")), groups.stream().map(ItemGroupingTest::ids).toList());
    assertEquals(1, logs.list.size());
    ILoggingEvent warning = logs.list.get(0);
    assertEquals(Level.WARN, warning.getLevel());
    assertTrue(warning.getFormattedMessage().contains("orphan"), warning.getFormattedMessage());
    assertTrue(warning.getFormattedMessage().contains("missing"), warning.getFormattedMessage());
  }

  @Test
  void keepsOnlyCallIdsPresentOnBothSidesWhenCallsAndOutputsDoNotPairUp() {
    List<ItemGroup> groups = ItemGrouping.group(List.of(
        assistant("M", 1, "checking"),
        call("M/fnc_0", "c0", "weather", "{}", 2),
        call("M/fnc_1", "c1", "time", "{}", 2),
        output("o0", "c0", "weather", "sunny", 3)));

    assertEquals(List.of(List.of("M", "M/fnc_0", "o0")), groups.stream().map(ItemGroupingTest::ids).toList());
  }

  @Test
  void dropsPendingCallsThatHaveNoOutputYet() {
    List<ItemGroup> groups = ItemGrouping.group(List.of(
        user("u", 1, "weather?"),
        call("M/fnc_0", "c0", "weather", "{}", 2)));

    assertEquals(2, groups.size());
    assertTrue(groups.get(1).isEmpty());
  }

  @Test
  void rejectsTwoAssistantMessagesInOneGroup() {
    ProviderFormatException e = assertThrows(ProviderFormatException.class, () -> ItemGrouping.group(List.of(
        assistant("M", 1, "one"), assistant("M/again", 2, "two"))));

    assertTrue(e.getMessage().contains("M/again"), e.getMessage());
  }
}
