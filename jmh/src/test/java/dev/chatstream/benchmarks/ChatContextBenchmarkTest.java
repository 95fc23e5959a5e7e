package dev.chatstream.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatstream.llm.chat.ChatContext;
import dev.chatstream.llm.chat.ChatItem;
import dev.chatstream.llm.chat.ChatMessage;
import dev.chatstream.llm.chat.FunctionCall;
import dev.chatstream.llm.chat.FunctionCallOutput;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Each read-only chat context benchmark, run once per size, does what its name says. */
class ChatContextBenchmarkTest {

  static Stream<Integer> sizes() {
    return BenchmarkParams.sizes(ChatContextBenchmark.class);
  }

  private static ChatContextBenchmark benchmark(int size) {
    ChatContextBenchmark benchmark = new ChatContextBenchmark();
    benchmark.size = size;
    benchmark.setUp();
    return benchmark;
  }

  @ParameterizedTest
  @MethodSource("sizes")
  void copyAllKeepsEveryItem(int size) {
    ChatContextBenchmark benchmark = benchmark(size);

    ChatContext copy = benchmark.copyAll();

    assertNotSame(benchmark.context, copy);
    assertEquals(benchmark.context.items(), copy.items());
  }

  @ParameterizedTest
  @MethodSource("sizes")
  void copyWithFiltersDropsInstructionsAndOtherTools(int size) {
    ChatContextBenchmark benchmark = benchmark(size);

    List<ChatItem> kept = benchmark.copyWithFilters().items();

    assertFalse(kept.isEmpty());
    assertTrue(kept.size() < size);
    for (ChatItem item : kept) {
      switch (item) {
        case ChatMessage message -> assertFalse(message.role().isInstruction(), message.id());
        case FunctionCall call -> assertEquals("get_weather", call.name());
        case FunctionCallOutput output -> assertEquals("get_weather", output.name());
      }
    }
  }

  @ParameterizedTest
  @MethodSource("sizes")
  void contextIsEquivalentToItsRebuiltCopy(int size) {
    ChatContextBenchmark benchmark = benchmark(size);

    assertTrue(benchmark.isEquivalent());
    assertNotSame(benchmark.context.items().getFirst(), benchmark.rebuilt.items().getFirst());
  }

  @ParameterizedTest
  @MethodSource("sizes")
  void dictFormsWriteEveryItemAndReadBack(int size) {
    ChatContextBenchmark benchmark = benchmark(size);

    assertEquals(size, benchmark.toDict().get("items").size());
    assertFalse(benchmark.toDict().toString().contains("data:image/png"), "default dict leaves images out");
    assertTrue(benchmark.toDictIncludeAll().toString().contains("data:image/png"));
    assertTrue(benchmark.fromDict().isEquivalent(benchmark.context));
  }
}
