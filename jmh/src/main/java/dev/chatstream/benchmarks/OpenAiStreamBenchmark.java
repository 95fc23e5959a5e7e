package dev.chatstream.benchmarks;

import dev.chatstream.llm.LlmRequest;
import dev.chatstream.llm.internal.http.SharedHttpClient;
import dev.chatstream.llm.internal.retry.ConnectorRuntime;
import dev.chatstream.llm.openai.OpenAiChatOptions;
import dev.chatstream.llm.openai.OpenAiChatProvider;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
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
 * One whole generation through the public {@link OpenAiChatProvider}, answered by a recorded stream
 * instead of the network ({@link RecordedResponse}): request body of a 10-item context, the retry
 * loop on its own virtual thread, OkHttp's interceptor chain, SSE reading, chunk parsing and the
 * listener, until {@code onComplete}. The primary result is streams per second; {@code :chunks} is
 * chunks per second.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@State(Scope.Benchmark)
public class OpenAiStreamBenchmark {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  /** The recorded stream, relative to {@code fixtures/}. */
  @Param({
      "openai/chat-text-usage.sse",
      "openai/chat-parallel-tool-calls.sse",
      "openai-compat/groq-deepseek-r1-think-tags.sse"})
  public String stream;

  OpenAiChatProvider provider;
  LlmRequest request;

  /** A provider whose HTTP client answers with the recorded stream, and a request. */
  @Setup
  public void setUp() {
    OkHttpClient client = SharedHttpClient.get().newBuilder()
        .addInterceptor(new RecordedResponse(RecordedStreams.bytes(stream)))
        .build();
    provider = OpenAiChatProvider.create(OpenAiChatOptions.of("sk-benchmark", "gpt-4o-mini"),
        ConnectorRuntime.defaults().withHttpClient(client));
    request = LlmRequest.of("benchmark", SampleConversation.context(10));
  }

  /** Streams one reply and waits for its end. */
  @Benchmark
  public int generate(ChunkCounter counter) throws InterruptedException {
    ChunkCollector listener = new ChunkCollector();
    provider.chat(request, listener);
    int chunks = listener.await(TIMEOUT);
    counter.chunks += chunks;
    return chunks;
  }
}
