package dev.chatstream.benchmarks;

import dev.chatstream.llm.chat.ChatItem;
import dev.chatstream.llm.chat.ChatMessage;
import dev.chatstream.llm.chat.FunctionCall;
import dev.chatstream.pipeline.internals.mapping.AvroItemCodec;
import dev.chatstream.pipeline.internals.state.StoreKeys;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.utils.Bytes;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the pipeline does per stored item: the store keys of {@link StoreKeys} and the Avro item codec,
 * on an assistant answer and a function call of a {@link SampleConversation}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@State(Scope.Benchmark)
public class StateCodecBenchmark {
  private static final String CONVERSATION = "conv-7f3a9c2e";

  AvroItemCodec codec;
  ChatMessage message;
  FunctionCall call;
  byte[] encodedMessage;
  byte[] encodedCall;

  /** Picks the items and encodes them once. */
  @Setup
  public void setUp() {
    List<ChatItem> items = SampleConversation.items(14);
    message = (ChatMessage) items.get(2);
    call = (FunctionCall) items.get(5);
    codec = new AvroItemCodec();
    encodedMessage = codec.encode(message);
    encodedCall = codec.encode(call);
  }

  /** The item key: conversation prefix, time and arrival sequence. */
  @Benchmark
  public Bytes itemKey() {
    return StoreKeys.itemKey(CONVERSATION, StoreKeys.orderKey(message.createdAt(), 42));
  }

  /** The index key: conversation prefix and item id. */
  @Benchmark
  public Bytes indexKey() {
    return StoreKeys.indexKey(CONVERSATION, message.id());
  }

  /** Encodes the assistant message. */
  @Benchmark
  public byte[] encodeMessage() {
    return codec.encode(message);
  }

  /** Decodes the assistant message. */
  @Benchmark
  public ChatItem decodeMessage() {
    return codec.decode(encodedMessage);
  }

  /** Encodes the function call. */
  @Benchmark
  public byte[] encodeFunctionCall() {
    return codec.encode(call);
  }

  /** Decodes the function call. */
  @Benchmark
  public ChatItem decodeFunctionCall() {
    return codec.decode(encodedCall);
  }
}
