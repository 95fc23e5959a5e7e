package dev.chatstream.benchmarks;

import dev.chatstream.llm.internal.chatcompletions.ChatCompletionsParser;
import dev.chatstream.llm.stream.ChatChunk;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A recorded Chat Completions response body, from bytes to {@link ChatChunk}s through the connector's
 * SSE reader and chunk parser ({@link ChatCompletionsParser#chunksOf}), with no HTTP client in the way. The
 * primary result is streams per second; {@code :chunks} is chunks per second.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@State(Scope.Benchmark)
public class ChatCompletionsStreamBenchmark {

  /** The recorded stream, relative to {@code fixtures/}. */
  @Param({
      "openai/chat-text-usage.sse",
      "openai/chat-single-tool-call.sse",
      "openai/chat-parallel-tool-calls.sse",
      "azure/chat-text.sse",
      "azure/chat-parallel-tool-calls.sse",
      "openai-compat/deepseek-reasoning-content.sse",
      "openai-compat/groq-deepseek-r1-think-tags.sse"})
  public String stream;

  byte[] body;

  /** Loads the recorded bytes. */
  @Setup
  public void load() {
    body = RecordedStreams.bytes(stream);
  }

  /** Parses the whole body. */
  @Benchmark
  public List<ChatChunk> parse(ChunkCounter counter) throws IOException {
    List<ChatChunk> chunks = ChatCompletionsParser.chunksOf(body);
    counter.chunks += chunks.size();
    return chunks;
  }
}
