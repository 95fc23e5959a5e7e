package dev.chatstream.benchmarks;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chatstream.llm.chat.ChatContext;
import dev.chatstream.llm.chat.CopyOptions;
import dev.chatstream.llm.chat.DictOptions;
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
 * The {@link ChatContext} operations that leave the context as it is: copies, equivalence and the
 * dict form, on {@link SampleConversation}s of {@link #size} items.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@State(Scope.Benchmark)
public class ChatContextBenchmark {

  /** Items in the context. */
  @Param({"10", "1000", "10000"})
  public int size;

  ChatContext context;
  ChatContext rebuilt;
  ObjectNode dict;
  CopyOptions filters;

  /** Builds the context, an equal one made of other objects (read back from its dict) and the filters. */
  @Setup
  public void setUp() {
    context = SampleConversation.context(size);
    dict = context.toDict(DictOptions.includeAll());
    rebuilt = ChatContext.fromDict(dict);
    filters = CopyOptions.all().excludeInstructions().withTools("get_weather");
  }

  /** {@code copy()}: every item. */
  @Benchmark
  public ChatContext copyAll() {
    return context.copy();
  }

  /** {@code copy(...)} without instructions and keeping only the {@code get_weather} calls and outputs. */
  @Benchmark
  public ChatContext copyWithFilters() {
    return context.copy(filters);
  }

  /** {@code isEquivalent} against an equal context whose strings and items are distinct objects. */
  @Benchmark
  public boolean isEquivalent() {
    return context.isEquivalent(rebuilt);
  }

  /** {@code toDict()} with the default options (no images, no timestamps). */
  @Benchmark
  public ObjectNode toDict() {
    return context.toDict();
  }

  /** {@code toDict(includeAll())}: the lossless form, images included. */
  @Benchmark
  public ObjectNode toDictIncludeAll() {
    return context.toDict(DictOptions.includeAll());
  }

  /** {@code fromDict} of the lossless form. */
  @Benchmark
  public ChatContext fromDict() {
    return ChatContext.fromDict(dict);
  }
}
