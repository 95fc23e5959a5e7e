package dev.chatstream.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatstream.llm.internal.chatcompletions.ChatCompletionsParser;
import dev.chatstream.llm.stream.ChatChunk;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The stream benchmarks turn every recorded stream into its chunks, and count them. */
class StreamBenchmarksTest {

  static Stream<String> parsedStreams() {
    return BenchmarkParams.values(ChatCompletionsStreamBenchmark.class, "stream").stream();
  }

  static Stream<String> generatedStreams() {
    return BenchmarkParams.values(OpenAiStreamBenchmark.class, "stream").stream();
  }

  @ParameterizedTest
  @MethodSource("parsedStreams")
  void parseYieldsTheChunksOfTheRecordedStreamAndCountsThem(String stream) throws Exception {
    ChatCompletionsStreamBenchmark benchmark = new ChatCompletionsStreamBenchmark();
    benchmark.stream = stream;
    benchmark.load();
    ChunkCounter counter = new ChunkCounter();

    List<ChatChunk> chunks = benchmark.parse(counter);
    benchmark.parse(counter);

    assertTrue(chunks.stream().anyMatch(ChatChunk::hasResponse), "a chunk with a response");
    assertEquals(2L * chunks.size(), counter.chunks);
    counter.reset();
    assertEquals(0, counter.chunks);
  }

  @Test
  void parseAssemblesBothParallelToolCalls() throws Exception {
    List<ChatChunk> chunks = ChatCompletionsParser.chunksOf(RecordedStreams.bytes("openai/chat-parallel-tool-calls.sse"));

    long calls = chunks.stream().filter(c -> c.delta() != null).mapToLong(c -> c.delta().toolCalls().size()).sum();
    assertEquals(2, calls);
  }

  @Test
  void parseStripsThinkingBlocks() throws Exception {
    List<ChatChunk> chunks = ChatCompletionsParser.chunksOf(
        RecordedStreams.bytes("openai-compat/groq-deepseek-r1-think-tags.sse"));

    String text = String.join("", chunks.stream().filter(c -> c.delta() != null)
        .map(c -> c.delta().content()).filter(Objects::nonNull).toList());
    assertTrue(!text.isBlank() && !text.contains("<think>") && !text.contains("</think>"), text);
    assertTrue(chunks.getLast().usage() != null || chunks.stream().anyMatch(c -> c.usage() != null), "usage");
  }

  @ParameterizedTest
  @MethodSource("generatedStreams")
  void generateDeliversTheSameChunksAsTheParserThroughTheProvider(String stream) throws Exception {
    OpenAiStreamBenchmark benchmark = new OpenAiStreamBenchmark();
    benchmark.stream = stream;
    benchmark.setUp();
    ChunkCounter counter = new ChunkCounter();

    int chunks = benchmark.generate(counter);

    assertEquals(ChatCompletionsParser.chunksOf(RecordedStreams.bytes(stream)).size(), chunks);
    assertEquals(chunks, counter.chunks);
  }
}
