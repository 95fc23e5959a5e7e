package dev.chatstream.benchmarks;

import dev.chatstream.llm.chat.ChatContext;
import dev.chatstream.llm.format.FormattedContext;
import dev.chatstream.llm.format.ProviderFormat;
import dev.chatstream.llm.format.ProviderFormats;
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

/** {@link ProviderFormats#format} of a {@link SampleConversation} of {@link #size} items to each format. */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@State(Scope.Benchmark)
public class ProviderFormatBenchmark {

  /** Items in the context. */
  @Param({"10", "1000", "10000"})
  public int size;

  /** The format, by its wire name. */
  @Param({"openai", "openai.responses", "anthropic", "google", "aws", "mistralai"})
  public String format;

  ChatContext context;
  ProviderFormat providerFormat;

  /** Builds the context and resolves the format. */
  @Setup
  public void setUp() {
    context = SampleConversation.context(size);
    providerFormat = ProviderFormat.fromWireName(format);
  }

  /** Converts the context with the default options. */
  @Benchmark
  public FormattedContext format() {
    return ProviderFormats.format(context, providerFormat);
  }
}
