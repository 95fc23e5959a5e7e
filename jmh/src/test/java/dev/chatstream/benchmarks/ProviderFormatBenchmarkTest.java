package dev.chatstream.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatstream.llm.format.FormattedContext;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every format converts the sample conversation of every size, images and tool calls included. */
class ProviderFormatBenchmarkTest {
  private static final Set<String> SYSTEM_APART = Set.of("anthropic", "google", "aws");

  static Stream<Arguments> formatsAndSizes() {
    return BenchmarkParams.pairs(ProviderFormatBenchmark.class, "format", "size");
  }

  @ParameterizedTest
  @MethodSource("formatsAndSizes")
  void formatConvertsTheWholeConversation(String format, String size) {
    ProviderFormatBenchmark benchmark = new ProviderFormatBenchmark();
    benchmark.format = format;
    benchmark.size = Integer.parseInt(size);
    benchmark.setUp();

    FormattedContext formatted = benchmark.format();

    String json = formatted.messages().toString();
    assertTrue(json.contains("\"iVBORw0KGg") || json.contains("data:image/png"), "the image is sent");
    assertTrue(json.contains("Paris"), "the tool call and its output are sent");
    assertTrue(formatted.messages().size() >= benchmark.size / 14, "turns: " + formatted.messages().size());
    assertEquals(SYSTEM_APART.contains(format) ? 1 : 0, formatted.systemMessages().size());
  }
}
