package dev.chatstream.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatstream.llm.chat.ChatContext;
import dev.chatstream.llm.chat.ChatItem;
import dev.chatstream.llm.chat.ChatMessage;
import dev.chatstream.llm.chat.ChatRole;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Each changing chat context benchmark, run once per size on a fresh context, does what its name says. */
class ChatContextMutationBenchmarkTest {

  static Stream<Integer> sizes() {
    return BenchmarkParams.sizes(ChatContextMutationBenchmark.class);
  }

  private static ChatContextMutationBenchmark benchmark(int size) {
    ChatContextMutationBenchmark benchmark = new ChatContextMutationBenchmark();
    benchmark.size = size;
    benchmark.setUp();
    benchmark.freshContext();
    return benchmark;
  }

  @ParameterizedTest
  @MethodSource("sizes")
  void insertMiddlePlacesTheItemByTime(int size) {
    ChatContextMutationBenchmark benchmark = benchmark(size);

    ChatContext context = benchmark.insertMiddle();

    assertEquals(size + 1, context.size());
    assertSame(benchmark.middleItem, context.items().get(size / 2));
    assertSortedByTime(context);
  }

  @ParameterizedTest
  @MethodSource("sizes")
  void insertEndAppendsTheNewestItem(int size) {
    ChatContextMutationBenchmark benchmark = benchmark(size);

    ChatContext context = benchmark.insertEnd();

    assertSame(benchmark.lastItem, context.items().getLast());
    assertEquals(size + 1, context.size());
  }

  @ParameterizedTest
  @MethodSource("sizes")
  void truncationKeepsTheSystemPromptAndAtMostTheLastItems(int size) {
    ChatContext half = benchmark(size).truncateToHalf();
    ChatContext last20 = benchmark(size).truncateToLast20();

    assertTrue(half.size() <= size / 2 + 1, "half: " + half.size());
    assertTrue(last20.size() <= Math.min(size, 21), "last 20: " + last20.size());
    for (ChatContext context : List.of(half, last20)) {
      assertEquals(ChatRole.SYSTEM, assertInstanceOf(ChatMessage.class, context.items().getFirst()).role());
      assertSortedByTime(context);
    }
  }

  @ParameterizedTest
  @MethodSource("sizes")
  void mergeAddsOnlyTheItemsNotYetPresent(int size) {
    ChatContext overlapping = benchmark(size).mergeHalfOverlapping();
    ChatContext interleaved = benchmark(size).mergeInterleaved();

    assertEquals(size + size / 2, overlapping.size());
    assertEquals(SampleConversation.items(size + size / 2), overlapping.items());
    assertEquals(size + size / 2, interleaved.size());
    assertSortedByTime(interleaved);
  }

  private static void assertSortedByTime(ChatContext context) {
    List<ChatItem> items = context.items();
    for (int i = 1; i < items.size(); i++) {
      assertTrue(items.get(i - 1).createdAt() <= items.get(i).createdAt(), "out of order at " + i);
    }
  }
}
