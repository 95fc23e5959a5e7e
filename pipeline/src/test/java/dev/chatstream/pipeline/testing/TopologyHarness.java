package dev.chatstream.pipeline.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chatstream.events.ConversationEvent;
import dev.chatstream.llm.ConnectOptions;
import dev.chatstream.llm.LlmProvider;
import dev.chatstream.llm.chat.ChatContext;
import dev.chatstream.pipeline.ChatstreamService;
import dev.chatstream.pipeline.Topics;
import dev.chatstream.pipeline.config.ChatstreamConfig;
import dev.chatstream.pipeline.internals.json.InputEventJson;
import dev.chatstream.pipeline.internals.llm.ProviderRegistry;
import dev.chatstream.pipeline.internals.mapping.AvroItemCodec;
import dev.chatstream.pipeline.internals.state.ConversationLimits;
import dev.chatstream.pipeline.internals.state.ConversationStore;
import dev.chatstream.pipeline.internals.state.GenerationStore;
import dev.chatstream.schemas.EventSerdes;
import dev.chatstream.schemas.EventTypes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;

/**
 * The real topology under {@link TopologyTestDriver}, with {@link ManualProvider}s as the LLM
 * profiles {@code default} and {@code other}. Events are written as the JSON lines
 * {@code chatstream produce} reads; wall-clock time (the drain punctuator) is advanced by hand.
 */
public final class TopologyHarness implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  public final ManualProvider provider = new ManualProvider();
  public final ManualProvider other = new ManualProvider();
  public final Topics topics = Topics.withPrefix("chatstream.");
  private final TopologyTestDriver driver;
  private final TestInputTopic<String, byte[]> input;
  private final Serializer<ConversationEvent> events = EventSerdes.singleObject(ConversationEvent.class).serializer();
  private final Deserializer<SpecificRecord> outputs = EventSerdes.singleObject(EventTypes.all()).deserializer();
  private final Path stateDir;

  /** A harness with default settings. */
  public TopologyHarness() {
    this(Map.of());
  }

  /** A harness with these chatstream settings on top of the test defaults. */
  public TopologyHarness(Map<String, String> settings) {
    this(settings, null);
  }

  /**
   * A harness whose LLM profiles are those of {@code registry} (null: the manual providers as
   * {@code default} and {@code other}), with these settings on top of the test defaults.
   */
  public TopologyHarness(Map<String, String> settings, ProviderRegistry registry) {
    try {
      stateDir = Files.createTempDirectory("chatstream-ttd");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, String> all = new HashMap<>();
    all.put("bootstrap.servers", "ttd:9092");
    all.put("state.dir", stateDir.toString());
    all.put("drain.interval.ms", "5");
    all.putAll(settings);
    ChatstreamConfig config = ChatstreamConfig.of(all);
    ProviderRegistry profiles = registry != null ? registry : ProviderRegistry.builder("default")
        .add("default", provider, ConnectOptions.defaults())
        .add("other", other, ConnectOptions.defaults())
        .build();
    Properties props = ChatstreamService.streamsConfig(config);
    driver = new TopologyTestDriver(ChatstreamService.buildTopology(config, profiles), props);
    input = driver.createInputTopic(topics.conversations().name(), new StringSerializer(), new ByteArraySerializer());
  }

  /** Sends one event written as a {@code chatstream produce} JSON line, keyed by its conversation id. */
  public void send(String jsonLine) {
    try {
      ConversationEvent event = InputEventJson.parse(JSON.readTree(jsonLine));
      sendRaw(event.getConversationId(), events.serialize(topics.conversations().name(), event), new RecordHeaders());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Sends raw bytes under {@code key}. */
  public void sendRaw(String key, byte[] value, Headers headers) {
    input.pipeInput(new TestRecord<>(key, value, headers));
  }

  /** The bytes {@link #send} would write for {@code jsonLine}. */
  public byte[] encode(String jsonLine) {
    try {
      return events.serialize(topics.conversations().name(), InputEventJson.parse(JSON.readTree(jsonLine)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Runs the drain punctuator once. */
  public void drain() {
    driver.advanceWallClockTime(Duration.ofMillis(5));
  }

  /** Every event published on the output topic {@code shortName} since the last read. */
  public List<SpecificRecord> read(String shortName) {
    TestOutputTopic<String, byte[]> topic =
        driver.createOutputTopic(topics.name(shortName), new StringDeserializer(), new ByteArrayDeserializer());
    List<SpecificRecord> records = new ArrayList<>();
    for (byte[] value : topic.readValuesToList()) {
      records.add(outputs.deserialize(topics.name(shortName), value));
    }
    return records;
  }

  /** Every record published on the dead-letter topic since the last read. */
  public List<TestRecord<String, byte[]>> readDeadLetters() {
    return driver.createOutputTopic(topics.dlq().name(), new StringDeserializer(), new ByteArrayDeserializer())
        .readRecordsToList();
  }

  /** Every record the pipeline appended to the conversations topic since the last read. */
  public List<TestRecord<String, byte[]>> readAppended() {
    return driver.createOutputTopic(topics.conversations().name(), new StringDeserializer(), new ByteArrayDeserializer())
        .readRecordsToList();
  }

  /** The conversation's context as the state stores hold it. */
  public ChatContext context(String conversationId) {
    return conversationStore().context(conversationId);
  }

  /** The conversation state stores. */
  public ConversationStore conversationStore() {
    return new ConversationStore(driver.getKeyValueStore(ConversationStore.ITEMS),
        driver.getKeyValueStore(ConversationStore.INDEX), driver.getKeyValueStore(ConversationStore.HEADERS),
        new AvroItemCodec(), new ConversationLimits(Integer.MAX_VALUE, Long.MAX_VALUE));
  }

  /** The generations store. */
  public GenerationStore generationStore() {
    return new GenerationStore(driver.getKeyValueStore(GenerationStore.NAME));
  }

  /** The test driver.
  public TopologyTestDriver driver() {
    return driver;
  }

  /** The provider of the default profile. */
  public LlmProvider defaultProvider() {
    return provider;
  }

  @Override
  public void close() {
    driver.close();
  }
}
