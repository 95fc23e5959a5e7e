package dev.chatstream.benchmarks;

import dev.chatstream.schemas.EventSerdes;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
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

/** The single-object Avro serde of {@link EventSerdes} on one {@link SampleEvents} event. */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@State(Scope.Benchmark)
public class EventSerdeBenchmark {
  private static final String TOPIC = "benchmark";

  /** The event, see {@link SampleEvents#named}. */
  @Param({"conversation_event", "chat_chunk", "reply_completed"})
  public String event;

  SpecificRecord record;
  byte[] bytes;
  Serializer<SpecificRecord> serializer;
  Deserializer<SpecificRecord> deserializer;

  /** The event's serde, and the event encoded once. */
  @Setup
  public void setUp() {
    record = SampleEvents.named(event);
    Serde<SpecificRecord> serde = EventSerdes.singleObject(List.of(record.getClass()));
    serializer = serde.serializer();
    deserializer = serde.deserializer();
    bytes = serializer.serialize(TOPIC, record);
  }

  /** Encodes the event. */
  @Benchmark
  public byte[] serialize() {
    return serializer.serialize(TOPIC, record);
  }

  /** Decodes the encoded event. */
  @Benchmark
  public SpecificRecord deserialize() {
    return deserializer.deserialize(TOPIC, bytes);
  }
}
