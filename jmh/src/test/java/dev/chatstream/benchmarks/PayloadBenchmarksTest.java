package dev.chatstream.benchmarks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.chatstream.pipeline.internals.state.StoreKeys;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The serde and state codec benchmarks encode and decode without losing anything. */
class PayloadBenchmarksTest {

  static Stream<String> events() {
    return BenchmarkParams.values(EventSerdeBenchmark.class, "event").stream();
  }

  @ParameterizedTest
  @MethodSource("events")
  void serdeRoundTripsTheEvent(String event) {
    EventSerdeBenchmark benchmark = new EventSerdeBenchmark();
    benchmark.event = event;
    benchmark.setUp();

    assertArrayEquals(benchmark.bytes, benchmark.serialize());
    assertEquals(benchmark.record, benchmark.deserialize());
    assertEquals(SampleEvents.named(event), benchmark.deserialize());
  }

  @Test
  void unknownSampleEventIsRejected() {
    assertThrows(IllegalArgumentException.class, () -> SampleEvents.named("chunk"));
  }

  @Test
  void itemCodecRoundTripsTheMessageAndTheCall() {
    StateCodecBenchmark benchmark = new StateCodecBenchmark();
    benchmark.setUp();

    assertEquals(benchmark.message, benchmark.decodeMessage());
    assertEquals(benchmark.call, benchmark.decodeFunctionCall());
    assertArrayEquals(benchmark.encodedMessage, benchmark.encodeMessage());
    assertArrayEquals(benchmark.encodedCall, benchmark.encodeFunctionCall());
  }

  @Test
  void storeKeysStartWithTheConversationPrefix() {
    StateCodecBenchmark benchmark = new StateCodecBenchmark();
    benchmark.setUp();
    byte[] prefix = StoreKeys.conversationPrefix("conv-7f3a9c2e").get();

    for (byte[] key : new byte[][] {benchmark.itemKey().get(), benchmark.indexKey().get()}) {
      assertArrayEquals(prefix, Arrays.copyOf(key, prefix.length));
    }
    assertEquals(prefix.length + StoreKeys.ORDER_KEY_BYTES, benchmark.itemKey().get().length);
  }
}
