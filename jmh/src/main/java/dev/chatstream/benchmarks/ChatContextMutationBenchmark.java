package dev.chatstream.benchmarks;

import dev.chatstream.llm.chat.ChatContext;
import dev.chatstream.llm.chat.ChatItem;
import dev.chatstream.llm.chat.ChatMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The {@link ChatContext} operations that change the context: insert by time, truncate and merge. Each
 * invocation gets a fresh context of {@link #size} items, built outside the measured time; the time
 * of one invocation is taken on its own, so results under about 0.1 µs mostly show the timer's cost.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@State(Scope.Thread)
public class ChatContextMutationBenchmark {

  /** Items in the context. */
  @Param({"10", "1000", "10000"})
  public int size;

  List<ChatItem> items;
  ChatMessage middleItem;
  ChatMessage lastItem;
  ChatContext halfOverlapping;
  ChatContext interleaved;
  ChatContext context;

  /** Builds the items, the items to insert and the contexts to merge. */
  @Setup(Level.Trial)
  public void setUp() {
    List<ChatItem> longer = SampleConversation.items(size + size / 2);
    items = longer.subList(0, size);
    double middle = SampleConversation.timeOf(size / 2) - SampleConversation.SECONDS_APART / 2;
    middleItem = SampleConversation.userMessage("late_middle", "A message that arrived late.", middle);
    double end = SampleConversation.timeOf(size);
    lastItem = SampleConversation.userMessage("late_end", "The newest message.", end);
    halfOverlapping = ChatContext.of(longer.subList(size / 2, longer.size()));
    interleaved = ChatContext.of(interleaved(items));
  }

  /** A fresh context holding the items, appended one by one as a growing conversation's are. */
  @Setup(Level.Invocation)
  public void freshContext() {
    context = ChatContext.of(items);
  }

  /** {@code insert} of an item whose time falls in the middle. */
  @Benchmark
  public ChatContext insertMiddle() {
    context.insert(middleItem);
    return context;
  }

  /** {@code insert} of an item newer than every other. */
  @Benchmark
  public ChatContext insertEnd() {
    context.insert(lastItem);
    return context;
  }

  /** {@code truncate} to half the items. */
  @Benchmark
  public ChatContext truncateToHalf() {
    return context.truncate(size / 2);
  }

  /** {@code truncate} to the last 20 items. */
  @Benchmark
  public ChatContext truncateToLast20() {
    return context.truncate(20);
  }

  /**
   * {@code merge} of a context that holds the second half of these items and as many newer ones: the
   * new items all go at the end.
   */
  @Benchmark
  public ChatContext mergeHalfOverlapping() {
    return context.merge(halfOverlapping);
  }

  /**
   * {@code merge} of a context that holds every other item of this one and as many new ones, each
   * created between two of this context's items: the new items go everywhere (the worst case).
   */
  @Benchmark
  public ChatContext mergeInterleaved() {
    return context.merge(interleaved);
  }

  /** Items {@code 1, 3, 5, ...} of {@code items}, each preceded by a new message created just before it. */
  private static List<ChatItem> interleaved(List<ChatItem> items) {
    List<ChatItem> result = new ArrayList<>(items.size());
    for (int i = 1; i < items.size(); i += 2) {
      double before = items.get(i).createdAt() - SampleConversation.SECONDS_APART / 2;
      result.add(SampleConversation.userMessage("late_" + i, "A message that arrived late.", before));
      result.add(items.get(i));
    }
    return result;
  }
}
