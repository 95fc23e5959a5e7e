package dev.chatstream.pipeline.internals.reprocess;

import dev.chatstream.events.ReprocessResult;
import dev.chatstream.llm.chat.Clock;
import dev.chatstream.pipeline.LlmRegistry;
import dev.chatstream.pipeline.Topic;
import dev.chatstream.pipeline.Topics;
import dev.chatstream.pipeline.broker.TopicAdmin;
import dev.chatstream.pipeline.broker.TopicSpec;
import dev.chatstream.pipeline.config.ChatstreamConfig;
import dev.chatstream.pipeline.internals.errors.DeadLetterProcessingHandler;
import dev.chatstream.pipeline.internals.errors.OversizedOutputHandler;
import dev.chatstream.pipeline.internals.generation.InflightLimiter;
import dev.chatstream.pipeline.internals.mapping.AvroItemCodec;
import dev.chatstream.pipeline.internals.mapping.EventRequestCodec;
import dev.chatstream.pipeline.internals.state.ConversationLimits;
import dev.chatstream.pipeline.internals.topology.ReprocessTopology;
import dev.chatstream.pipeline.reprocess.ReprocessOptions;
import dev.chatstream.pipeline.reprocess.ReprocessProgress;
import dev.chatstream.pipeline.reprocess.ReprocessSummary;
import dev.chatstream.schemas.EventSerdes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One reprocessing run on a cluster: its topics and manifest, the survey of the log, the replay as a
 * Kafka Streams application of its own ({@code exactly_once_v2}, so a result is written once however
 * often the run is stopped and resumed), and the results read back until every selected request has
 * one.
 */
public final class ReprocessRun {
  private static final Logger LOG = LoggerFactory.getLogger(ReprocessRun.class);
  /** The short name of a run's results topic. */
  public static final String RESULTS = "results";
  /** The short name of a run's manifest topic. */
  public static final String RUN = "run";

  private final ChatstreamConfig config;
  private final ReprocessOptions options;
  private final LlmRegistry registry;
  private final ReprocessProgress progress;
  private final Topics live;
  private final Topics outputs;
  private final Topic<ReprocessResult> results;
  private final String runTopic;

  private ReprocessRun(ChatstreamConfig config, ReprocessOptions options, LlmRegistry registry,
      ReprocessProgress progress) {
    this.config = config;
    this.options = options;
    this.registry = registry;
    this.progress = progress;
    this.live = Topics.of(config);
    String prefix = options.topicPrefix();
    this.outputs = Topics.of(live.conversations().name(), prefix, config.eventSerdeSettings());
    this.results = Topic.of(RESULTS, prefix + RESULTS,
        EventSerdes.fromConfig(ReprocessResult.class, config.eventSerdeSettings()));
    this.runTopic = prefix + RUN;
  }

  /**
   * Runs (or resumes) the run {@code options} describe against the live topics of {@code config}, on
   * {@code registry}'s LLM profiles.
   *
   * @param config the live service's configuration, with bootstrap servers
   * @throws IllegalArgumentException when the options cannot describe a run (an unknown profile, an
   *     output prefix that is the live one, a resume with other options)
   * @throws IllegalStateException when the replay stops before every request has its result
   */
  public static ReprocessSummary run(ChatstreamConfig config, ReprocessOptions options, LlmRegistry registry,
      ReprocessProgress progress) {
    return new ReprocessRun(config, options, registry, progress).run();
  }

  private ReprocessSummary run() {
    Instant started = Instant.now();
    checkIsolation();
    if (options.llm() != null && !registry.has(options.llm())) {
      throw new IllegalArgumentException("--llm names profile '" + options.llm() + "', which is not configured "
          + "(configured: " + registry.profiles() + ")");
    }
    Properties client = config.clientProperties();
    if (options.restart()) {
      progress.phase("deleting run " + options.runId() + " to start it over");
      new RunCleanup(client, options.applicationId(), config.stateDir()).delete(runTopics());
    }
    createTopics(client);
    RunManifest manifest = manifest(client);
    progress.phase("surveying the log up to the offsets the run started at");
    LogSurvey survey = new LogSurvey(client, live, manifest.bounds(), options.selection(),
        registry.defaultProfile());
    ReplayPlan plan = survey.run();
    progress.phase("selected " + plan.size() + " of the log's " + plan.requestsInLog() + " requests"
        + (plan.badRecords() > 0 ? "; " + plan.badRecords() + " bad input records skipped" : ""));
    ResultStats stats = plan.size() == 0 ? new ResultStats() : replay(plan, manifest.bounds());
    progress.finished();
    return new ReprocessSummary(options.runId(), options.topicPrefix(), plan.requestsInLog(), plan.size(),
        stats.replayed(), stats.failed(), stats.diverged(), plan.badRecords(), survey.recordsRead(), stats.original(),
        stats.replay(), Duration.between(started, Instant.now()));
  }

  private ResultStats replay(ReplayPlan plan, RunBounds bounds) {
    progress.replaying(plan.size());
    ChatstreamConfig runConfig = config.with(Map.of(
        ChatstreamConfig.APPLICATION_ID_CONFIG, options.applicationId(),
        ChatstreamConfig.PROCESSING_GUARANTEE_CONFIG, ChatstreamConfig.EXACTLY_ONCE_V2,
        ChatstreamConfig.MAX_INFLIGHT_GENERATIONS_CONFIG, Integer.toString(options.pacing().concurrency())),
        "reprocess run " + options.runId());
    KafkaStreams streams = new KafkaStreams(ReprocessTopology.build(topologySettings(runConfig, plan, bounds)),
        streamsProperties(runConfig));
    streams.setUncaughtExceptionHandler(exception -> {
      LOG.error("reprocessing run {} failed", options.runId(), exception);
      return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
    });
    ResultsTail tail = new ResultsTail(config.clientProperties(), results, options.outFile(), progress);
    boolean complete;
    try {
      streams.start();
      complete = tail.awaitAll(plan.size(), () -> stopped(streams.state()));
    } finally {
      boolean interrupted = Thread.interrupted();
      try {
        streams.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
            .withTimeout(Duration.ofSeconds(30)));
        tail.close();
      } finally {
        if (interrupted) {
          Thread.currentThread().interrupt();
        }
      }
    }
    if (!complete) {
      throw new IllegalStateException("reprocessing run " + options.runId() + " stopped (streams " + streams.state()
          + ") with " + tail.stats().results() + " of " + plan.size() + " results; run the same command to resume");
    }
    return tail.stats();
  }

  private ReprocessTopology.Settings topologySettings(ChatstreamConfig runConfig, ReplayPlan plan, RunBounds bounds) {
    ReplayLifecycle.Settings lifecycle = new ReplayLifecycle.Settings(plan,
        new ReplayOverrides(options.llm(), options.model(), options.system()), registry,
        new EventRequestCodec(live.conversations()), new AvroItemCodec(), new Pacer(options.pacing(), System::nanoTime),
        EventSerdes.singleObject(ReprocessResult.class), options.runId(), options.applicationId(), Clock::nowSeconds);
    ReplayProcessor.Settings processor = new ReplayProcessor.Settings(lifecycle, outputs, results,
        new InflightLimiter(options.pacing().concurrency()),
        new ConversationLimits(runConfig.conversationMaxItems(), runConfig.conversationMaxBytes()),
        runConfig.drainInterval(), runConfig.drainMaxEvents(), runConfig.drainBudget());
    return new ReprocessTopology.Settings(live.conversations(), options.applicationId(), plan, bounds,
        runConfig.eventMaxBytes(), processor);
  }

  private Properties streamsProperties(ChatstreamConfig runConfig) {
    Properties props = runConfig.streamsProperties();
    props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterProcessingHandler.class);
    props.put(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG, OversizedOutputHandler.class);
    props.put(DeadLetterProcessingHandler.DLQ_TOPIC_CONFIG, outputs.dlq().name());
    return props;
  }

  private static boolean stopped(KafkaStreams.State state) {
    return state == KafkaStreams.State.ERROR || state == KafkaStreams.State.NOT_RUNNING
        || state == KafkaStreams.State.PENDING_ERROR || state == KafkaStreams.State.PENDING_SHUTDOWN;
  }

  private RunManifest manifest(Properties client) {
    var found = RunManifest.read(client, runTopic, options.runId());
    if (found.isPresent()) {
      RunManifest manifest = found.get();
      if (!manifest.options().equals(options.fingerprint())) {
        throw new IllegalArgumentException("run " + options.runId() + " was started with other options "
            + manifest.options() + "; run it with the same options to resume it, or add --restart to start it over");
      }
      progress.phase("resuming run " + options.runId() + ", started at " + manifest.startedAt());
      return manifest;
    }
    List<String> read = List.of(live.conversations().name(), live.replies().name(), live.errors().name(),
        live.metrics().name());
    RunManifest manifest = new RunManifest(options.runId(), Instant.now(), RunBounds.take(client, read),
        options.fingerprint());
    manifest.write(client, runTopic);
    return manifest;
  }

  /** Refuses a prefix whose topics would be the live ones. */
  private void checkIsolation() {
    Set<String> liveNames = Set.copyOf(live.names());
    for (String name : runTopics()) {
      if (liveNames.contains(name)) {
        throw new IllegalArgumentException("the output prefix '" + options.topicPrefix() + "' would write to the live "
            + "topic " + name + "; choose a prefix of the run's own");
      }
    }
  }

  private List<String> runTopics() {
    List<String> names = new ArrayList<>();
    outputs.outputs().forEach(topic -> names.add(topic.name()));
    names.add(results.name());
    names.add(runTopic);
    return names;
  }

  private void createTopics(Properties client) {
    try (Admin admin = Admin.create(client); TopicAdmin topics = TopicAdmin.using(admin)) {
      int partitions = admin.describeTopics(List.of(live.conversations().name())).allTopicNames().get()
          .get(live.conversations().name()).partitions().size();
      List<TopicSpec> specs = new ArrayList<>();
      outputs.outputs().forEach(topic -> specs.add(TopicSpec.of(topic.name(), partitions,
          config.topicReplicationFactor())));
      specs.add(TopicSpec.of(results.name(), partitions, config.topicReplicationFactor()));
      specs.add(TopicSpec.of(runTopic, 1, config.topicReplicationFactor()).withConfig("cleanup.policy", "compact"));
      topics.ensure(specs);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating the run's topics", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("the input topic " + live.conversations().name() + " cannot be described: "
          + e.getCause().getMessage(), e.getCause());
    }
  }
}
