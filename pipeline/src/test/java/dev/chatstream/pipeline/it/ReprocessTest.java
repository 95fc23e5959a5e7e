package dev.chatstream.pipeline.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chatstream.events.FunctionCallEvent;
import dev.chatstream.events.LLMError;
import dev.chatstream.events.ReplyCompleted;
import dev.chatstream.events.ReprocessResult;
import dev.chatstream.llm.ConnectOptions;
import dev.chatstream.llm.LlmProvider;
import dev.chatstream.llm.LlmRequest;
import dev.chatstream.llm.LlmStream;
import dev.chatstream.llm.LlmStreamListener;
import dev.chatstream.llm.chat.ChatItem;
import dev.chatstream.llm.chat.ChatMessage;
import dev.chatstream.llm.chat.FunctionCallOutput;
import dev.chatstream.llm.offline.OfflinePacing;
import dev.chatstream.llm.offline.OfflineProvider;
import dev.chatstream.llm.openai.OpenAiChatOptions;
import dev.chatstream.llm.openai.OpenAiChatProvider;
import dev.chatstream.llm.testing.Fixtures;
import dev.chatstream.pipeline.ChatstreamService;
import dev.chatstream.pipeline.config.ChatstreamConfig;
import dev.chatstream.pipeline.internals.llm.ProviderRegistry;
import dev.chatstream.pipeline.internals.topology.Origin;
import dev.chatstream.pipeline.reprocess.Pacing;
import dev.chatstream.pipeline.reprocess.ReprocessJob;
import dev.chatstream.pipeline.reprocess.ReprocessOptions;
import dev.chatstream.pipeline.reprocess.ReprocessProgress;
import dev.chatstream.pipeline.reprocess.ReprocessSummary;
import dev.chatstream.pipeline.reprocess.Selection;
import dev.chatstream.pipeline.testing.BrokerExtension;
import dev.chatstream.pipeline.testing.Eventually;
import dev.chatstream.pipeline.testing.FixtureLlmServer;
import dev.chatstream.pipeline.testing.OutputLog;
import dev.chatstream.pipeline.testing.PipelineOnBroker;
import dev.chatstream.pipeline.testing.TopicSnapshot;
import dev.chatstream.schemas.EventSerdes;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Batch reprocessing on a real broker: a log recorded by a live service (a tool round trip, a later
 * turn, a failed request) replayed against other providers, with the live topics and state compared
 * byte for byte before and after, a run stopped midway and resumed, and the client-side rate limit.
 */
@Timeout(240)
class ReprocessTest {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String WEATHER_TOOL = """
      {"name":"get_weather","description":"Current weather in a city",
       "parameters":{"type":"object","properties":{"city":{"type":"string"}},"required":["city"]}}""";

  @RegisterExtension
  static final BrokerExtension broker = new BrokerExtension();

  @Test
  void replaysEachRequestOnItsRecordedContextAndLeavesTheLiveTopicsAlone() throws Exception {
    try (PipelineOnBroker live = PipelineOnBroker.create(broker.kafka(), broker.dir().resolve("live"), "live",
        Map.of())) {
      ChatstreamService service = live.start(liveRegistry());
      live.awaitRunning(service);
      record(live);
      TopicSnapshot before = liveSnapshot(live);

      RecordingProvider replay = new RecordingProvider(OfflineProvider.create(OfflinePacing.instant()));
      Path out = broker.dir().resolve("run-a.jsonl");
      ReprocessSummary summary = run(live, replay, options("run-a", Selection.all(), "replay", out, Pacing.of(4)));

      assertEquals(4, summary.selected());
      assertEquals(4, summary.replayed());
      assertEquals(0, summary.failed());
      assertEquals(0, summary.diverged());
      Map<String, JsonNode> lines = lines(out);
      assertEquals(Set.of("r1", "r2", "r3", "r4"), lines.keySet());

      JsonNode toolRequest = lines.get("r1");
      assertEquals("get_weather", toolRequest.path("original").path("function_calls").get(0).path("name").asText());
      assertEquals("get_weather", toolRequest.path("replayed").path("function_calls").get(0).path("name").asText());
      assertEquals("r1/tool-1", toolRequest.path("tool_steps").get(0).path("request_id").asText());
      assertFalse(toolRequest.path("tool_steps").get(0).path("original").path("text").isNull());
      assertFalse(toolRequest.path("tool_steps").get(0).path("replayed").path("text").isNull());
      assertFalse(toolRequest.path("diverged").asBoolean());
      assertEquals("replay", toolRequest.path("replayed").path("profile").asText());

      JsonNode failedOriginally = lines.get("r3");
      assertTrue(failedOriginally.path("original").path("error").path("message").asText().contains("attempt"),
          failedOriginally.toString());
      assertTrue(failedOriginally.path("replayed").path("error").isNull());
      assertEquals("broken", failedOriginally.path("original").path("profile").asText());

      assertEquals(List.of("You report the weather.", "What is the weather in \"Paris\"? Please use get_weather."),
          texts(replay.request("r1")), "turn 1 replays on the items before it, nothing later");
      List<ChatItem> turn2 = replay.request("r2").context().items();
      assertEquals("Thanks, that helps!", ((ChatMessage) turn2.getLast()).textContent());
      assertTrue(turn2.stream().anyMatch(item -> item.id().endsWith("/fnc_0")),
          "turn 2 replays after turn 1's original function call: " + turn2);
      assertEquals(6, turn2.size(), "system, user, the original call and its output, the original reply, user");
      List<ChatItem> toolStep = replay.request("r1/tool-1").context().items();
      assertEquals("sunny, 18 C", ((FunctionCallOutput) toolStep.getLast()).output(),
          "the replayed call gets the recorded output");

      List<ConsumerRecord<String, byte[]>> results = records(live.bootstrapServers(), "chatstream.reprocess.run-a.results");
      assertEquals(4, results.size());
      results.forEach(record -> assertNotNull(record.headers().lastHeader(Origin.REPROCESS_HEADER)));
      ReprocessResult first = EventSerdes.singleObject(ReprocessResult.class).deserializer()
          .deserialize("results", results.getFirst().value());
      assertEquals("chatstream-reprocess-run-a", first.getApplicationId());
      assertEquals(TopicSnapshot.of(live.bootstrapServers(), name -> name.startsWith("chatstream.reprocess.run-a.replies"))
          .size(), 5, "five replays (four requests, one tool step) went to the run's own replies topic");

      assertEquals(before, liveSnapshot(live), "the live topics and the live state's changelogs are unchanged");

      ReprocessSummary failedOnly = run(live, new RecordingProvider(OfflineProvider.create(OfflinePacing.instant())),
          options("run-b", new Selection(null, null, Set.of(), Set.of(), true, null), "replay", null, Pacing.of(2)));
      assertEquals(1, failedOnly.selected(), "only the request that failed originally");
      ReprocessSummary filtered = run(live, new RecordingProvider(OfflineProvider.create(OfflinePacing.instant())),
          options("run-c", new Selection(null, null, Set.of("weather"), Set.of(), false, 1), "replay", null,
              Pacing.of(2)));
      assertEquals(1, filtered.selected(), "--conversation weather --limit 1");
      assertEquals(before, liveSnapshot(live));
    }
  }

  @Test
  void aRunStoppedMidwayResumesWithEveryRequestExactlyOnce() throws Exception {
    try (PipelineOnBroker live = PipelineOnBroker.create(broker.kafka(), broker.dir().resolve("resume"), "resume",
        Map.of())) {
      for (int i = 0; i < 6; i++) {
        live.send("{\"type\":\"message\",\"conversation_id\":\"c" + i + "\",\"role\":\"user\",\"content\":[\"hello "
            + i + "\"]}");
        live.send("{\"type\":\"generate_reply\",\"conversation_id\":\"c" + i + "\",\"request_id\":\"q" + i + "\"}");
      }
      Path out = broker.dir().resolve("resume.jsonl");
      ReprocessOptions options = options("resumable", Selection.all(), null, out, Pacing.of(1));
      ProviderRegistry slow = ProviderRegistry.single("default",
          OfflineProvider.create(OfflinePacing.of(Duration.ofMillis(300), Duration.ofMillis(50))));
      AtomicReference<Throwable> stopped = new AtomicReference<>();
      Thread first = Thread.ofPlatform().start(() -> {
        try {
          ReprocessJob.run(config(live, "resumable-1"), options, slow, ReprocessProgress.NONE);
        } catch (Throwable e) {
          stopped.set(e);
        }
      });
      Eventually.until(WAIT, "two results of the first start",
          () -> records(live.bootstrapServers(), "chatstream.reprocess.resumable.results").size() >= 2);
      first.interrupt();
      first.join(Duration.ofSeconds(60).toMillis());
      assertTrue(stopped.get() instanceof IllegalStateException, String.valueOf(stopped.get()));
      int beforeResume = records(live.bootstrapServers(), "chatstream.reprocess.resumable.results").size();
      assertTrue(beforeResume < 6, "the run was stopped before it finished: " + beforeResume);

      ReprocessSummary summary = ReprocessJob.run(config(live, "resumable-1"), options, slow, ReprocessProgress.NONE);

      assertEquals(6, summary.selected());
      List<ConsumerRecord<String, byte[]>> results = records(live.bootstrapServers(),
          "chatstream.reprocess.resumable.results");
      List<String> requests = new ArrayList<>();
      for (ConsumerRecord<String, byte[]> record : results) {
        requests.add(EventSerdes.singleObject(ReprocessResult.class).deserializer().deserialize("r", record.value())
            .getRequestId());
      }
      Collections.sort(requests);
      assertEquals(List.of("q0", "q1", "q2", "q3", "q4", "q5"), requests, "each request once in the results topic");
      assertEquals(Set.of("q0", "q1", "q2", "q3", "q4", "q5"), lines(out).keySet());
      assertEquals(6, Files.readAllLines(out).size(), "each request once in --out");

      assertThrows(IllegalArgumentException.class, () -> ReprocessJob.run(config(live, "resumable-1"),
          new ReprocessOptions("resumable", false, Selection.all(), null, "another-model", null, null, out, null,
              Pacing.of(1)), slow, ReprocessProgress.NONE), "a resume with other options is refused");
    }
  }

  @Test
  void replaysAgainstAnOpenAiCompatibleServer() throws Exception {
    try (FixtureLlmServer llm = FixtureLlmServer.start().then(FixtureLlmServer.Reply.of(FixtureLlmServer.TEXT));
        PipelineOnBroker live = PipelineOnBroker.create(broker.kafka(), broker.dir().resolve("http"), "http",
            Map.of())) {
      live.send("{\"type\":\"message\",\"conversation_id\":\"h\",\"role\":\"user\",\"content\":[\"Weather?\"]}");
      live.send("{\"type\":\"generate_reply\",\"conversation_id\":\"h\",\"request_id\":\"h1\"}");
      Path out = broker.dir().resolve("http.jsonl");

      ReprocessSummary summary = ReprocessJob.run(config(live, "http-1"),
          options("http", Selection.all(), null, out, Pacing.of(1)), llm.registry(), ReprocessProgress.NONE);

      assertEquals(1, summary.replayed());
      JsonNode result = lines(out).get("h1");
      assertEquals(FixtureLlmServer.TEXT_REPLY, result.path("replayed").path("text").asText());
      assertEquals(FixtureLlmServer.MODEL, result.path("replayed").path("model").asText());
      assertTrue(result.path("original").isNull(), "the log holds no outcome for a request no service answered");
      assertEquals("Weather?", llm.takeRequestBody().path("messages").get(0).path("content").asText());
    }
  }

  @Test
  void theRequestRateHoldsOverTheWholeRun() throws Exception {
    try (PipelineOnBroker live = PipelineOnBroker.create(broker.kafka(), broker.dir().resolve("rate"), "rate",
        Map.of())) {
      for (int i = 0; i < 20; i++) {
        live.send("{\"type\":\"message\",\"conversation_id\":\"k" + i + "\",\"role\":\"user\",\"content\":[\"hi\"]}");
        live.send("{\"type\":\"generate_reply\",\"conversation_id\":\"k" + i + "\",\"request_id\":\"g" + i + "\"}");
      }
      RecordingProvider provider = new RecordingProvider(OfflineProvider.create(OfflinePacing.instant()));

      ReprocessSummary summary = ReprocessJob.run(config(live, "rate-1"),
          options("rate", Selection.all(), null, null, new Pacing(20, 120, null)),
          ProviderRegistry.single("default", provider), ReprocessProgress.NONE);

      assertEquals(20, summary.replayed());
      List<Long> starts = provider.startNanos();
      assertEquals(20, starts.size());
      long span = starts.getLast() - starts.getFirst();
      assertTrue(span >= Duration.ofSeconds(9).toNanos(), "120/min over 20 requests takes at least 9 s: " + span / 1e9);
      for (long start : starts) {
        long inWindow = starts.stream().filter(s -> s >= start && s < start + Duration.ofSeconds(1).toNanos()).count();
        assertTrue(inWindow <= 3, "at most the rate's 2 starts (+1) in any one-second window, saw " + inWindow);
      }
    }
  }

  @Test
  void aRateLimitedReplyPausesTheWholeRunForItsRetryAfter() throws Exception {
    AtomicInteger requests = new AtomicInteger();
    try (MockWebServer server = new MockWebServer();
        PipelineOnBroker live = PipelineOnBroker.create(broker.kafka(), broker.dir().resolve("429"), "throttled",
            Map.of())) {
      server.setDispatcher(new Dispatcher() {
        @Override
        public MockResponse dispatch(RecordedRequest request) {
          if (requests.getAndIncrement() == 0) {
            return new MockResponse.Builder().code(429).addHeader("Retry-After", "2")
                .body("{\"error\":{\"message\":\"slow down\",\"type\":\"rate_limit\"}}").build();
          }
          return new MockResponse.Builder().addHeader("Content-Type", "text/event-stream")
              .body(Fixtures.text(FixtureLlmServer.TEXT)).build();
        }
      });
      server.start();
      for (int i = 0; i < 4; i++) {
        live.send("{\"type\":\"message\",\"conversation_id\":\"t" + i + "\",\"role\":\"user\",\"content\":[\"hi\"]}");
        live.send("{\"type\":\"generate_reply\",\"conversation_id\":\"t" + i + "\",\"request_id\":\"t" + i + "\"}");
      }
      live.sendRaw("t0", "not an event".getBytes(StandardCharsets.UTF_8));
      RecordingProvider provider = new RecordingProvider(OpenAiChatProvider.create(
          OpenAiChatOptions.of("sk-test", FixtureLlmServer.MODEL).withBaseUrl(server.url("/v1").toString())));

      ReprocessSummary summary = ReprocessJob.run(config(live, "throttled-1"),
          options("throttled", Selection.all(), null, null, Pacing.of(2)), ProviderRegistry.single("default", provider),
          ReprocessProgress.NONE);

      assertEquals(4, summary.replayed(), "the rate-limited request was retried and replayed too");
      assertEquals(1, summary.badRecords(), "the malformed record is skipped and counted");
      List<Long> starts = provider.startNanos();
      assertTrue(starts.get(2) - starts.getFirst() >= Duration.ofMillis(1800).toNanos(),
          "no new generation starts while the provider asks to wait: third start after "
              + (starts.get(2) - starts.getFirst()) / 1e9 + " s");
    }
  }

  private static void record(PipelineOnBroker live) {
    live.send("""
        {"type":"message","conversation_id":"weather","role":"system","content":["You report the weather."]}""");
    live.send("""
        {"type":"message","conversation_id":"weather","role":"user",
         "content":["What is the weather in \\"Paris\\"? Please use get_weather."]}""");
    live.send("""
        {"type":"generate_reply","conversation_id":"weather","request_id":"r1","auto_tool_reply":true,
         "tools":[%s]}""".formatted(WEATHER_TOOL));
    OutputLog out = live.outputs();
    FunctionCallEvent call = out.awaitEvent(FunctionCallEvent.class, e -> e.getRequestId().equals("r1"), WAIT,
        "the function call");
    live.send("{\"type\":\"function_call_output\",\"conversation_id\":\"weather\",\"call_id\":\""
        + call.getFunctionCall().getCallId() + "\",\"name\":\"get_weather\",\"output\":\"sunny, 18 C\",\"is_error\":false}");
    out.awaitEvent(ReplyCompleted.class, r -> r.getRequestId().equals("r1/tool-1"), WAIT, "the reply after the tool");
    live.send("""
        {"type":"message","conversation_id":"weather","role":"user","content":["Thanks, that helps!"]}""");
    live.send("""
        {"type":"generate_reply","conversation_id":"weather","request_id":"r2"}""");
    out.awaitEvent(ReplyCompleted.class, r -> r.getRequestId().equals("r2"), WAIT, "turn 2");
    live.send("""
        {"type":"message","conversation_id":"broken","role":"user","content":["Hello?"]}""");
    live.send("""
        {"type":"generate_reply","conversation_id":"broken","request_id":"r3","llm":"broken",
         "connect_options":{"max_retry":1,"retry_interval":0.05,"timeout":1.0}}""");
    out.awaitEvent(LLMError.class, e -> e.getRequestId().equals("r3") && !e.getRecoverable(), WAIT, "the failure");
    live.send("""
        {"type":"message","conversation_id":"plain","role":"user","content":["Hi"]}""");
    live.send("""
        {"type":"generate_reply","conversation_id":"plain","request_id":"r4"}""");
    out.awaitEvent(ReplyCompleted.class, r -> r.getRequestId().equals("r4"), WAIT, "the plain reply");
  }

  private static ProviderRegistry liveRegistry() {
    LlmProvider unreachable = OpenAiChatProvider.create(OpenAiChatOptions.of("sk-live-test", "gpt-4.1")
        .withBaseUrl("http://127.0.0.1:9/v1"));
    return ProviderRegistry.builder("default")
        .add("default", OfflineProvider.create(OfflinePacing.of(Duration.ofMillis(5), Duration.ofMillis(1))),
            ConnectOptions.defaults())
        .add("broken", unreachable, ConnectOptions.defaults())
        .build();
  }

  private static ReprocessSummary run(PipelineOnBroker live, RecordingProvider replay, ReprocessOptions options) {
    ProviderRegistry registry = ProviderRegistry.builder("default")
        .add("default", OfflineProvider.create(OfflinePacing.instant()), ConnectOptions.defaults())
        .add("replay", replay, ConnectOptions.defaults())
        .build();
    return ReprocessJob.run(config(live, options.runId()), options, registry, ReprocessProgress.NONE);
  }

  private static ChatstreamConfig config(PipelineOnBroker live, String stateName) {
    Map<String, String> settings = new HashMap<>(live.settings());
    settings.put(ChatstreamConfig.STATE_DIR_CONFIG, broker.dir().resolve("reprocess-state-" + stateName).toString());
    return ChatstreamConfig.of(settings);
  }

  private static ReprocessOptions options(String runId, Selection selection, String llm, Path out, Pacing pacing) {
    return new ReprocessOptions(runId, false, selection, llm, null, null, null, out, null, pacing);
  }

  private static TopicSnapshot liveSnapshot(PipelineOnBroker live) throws Exception {
    String prefix = live.settings().get(ChatstreamConfig.TOPIC_PREFIX_CONFIG);
    String application = live.settings().get(ChatstreamConfig.APPLICATION_ID_CONFIG);
    return TopicSnapshot.of(live.bootstrapServers(), name -> name.startsWith(prefix) || name.startsWith(application + "-"));
  }

  private static Map<String, JsonNode> lines(Path out) throws Exception {
    Map<String, JsonNode> byRequest = new HashMap<>();
    for (String line : Files.readAllLines(out, StandardCharsets.UTF_8)) {
      JsonNode json = JSON.readTree(line);
      byRequest.put(json.path("request_id").asText(), json);
    }
    return byRequest;
  }

  private static List<String> texts(LlmRequest request) {
    return request.context().items().stream().map(item -> ((ChatMessage) item).textContent()).toList();
  }

  /** Every committed record of {@code topic}. */
  private static List<ConsumerRecord<String, byte[]>> records(String bootstrapServers, String topic) {
    Map<String, Object> props = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed", ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
        new ByteArrayDeserializer())) {
      var infos = consumer.partitionsFor(topic, Duration.ofSeconds(5));
      if (infos == null || infos.isEmpty()) {
        return records;
      }
      List<TopicPartition> partitions = infos.stream().map(i -> new TopicPartition(topic, i.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
      while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
        consumer.poll(Duration.ofMillis(100)).forEach(records::add);
      }
    }
    return records;
  }

  /** A provider that remembers every request it was asked, and when. */
  private static final class RecordingProvider implements LlmProvider {
    private final LlmProvider delegate;
    private final Map<String, LlmRequest> requests = new ConcurrentHashMap<>();
    private final List<Long> starts = new CopyOnWriteArrayList<>();

    RecordingProvider(LlmProvider delegate) {
      this.delegate = delegate;
    }

    LlmRequest request(String requestId) {
      return requests.get(requestId);
    }

    List<Long> startNanos() {
      return starts.stream().sorted().toList();
    }

    @Override
    public String label() {
      return delegate.label();
    }

    @Override
    public String model() {
      return delegate.model();
    }

    @Override
    public String provider() {
      return delegate.provider();
    }

    @Override
    public LlmStream chat(LlmRequest request, LlmStreamListener listener) {
      starts.add(System.nanoTime());
      requests.put(request.requestId(), request);
      return delegate.chat(request, listener);
    }

    @Override
    public void close() {
      delegate.close();
    }
  }
}
