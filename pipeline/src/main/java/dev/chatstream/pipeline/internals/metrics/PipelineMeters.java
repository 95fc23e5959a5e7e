package dev.chatstream.pipeline.internals.metrics;

import dev.chatstream.llm.AvailabilityChanged;
import dev.chatstream.llm.LlmError;
import dev.chatstream.llm.LlmMetrics;
import dev.chatstream.pipeline.LlmRegistry;
import dev.chatstream.pipeline.internals.generation.ActiveGeneration;
import dev.chatstream.pipeline.internals.generation.InflightLimiter;
import dev.chatstream.pipeline.internals.semconv.GenAi;
import dev.chatstream.pipeline.internals.semconv.GenerationNames;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The meters of one service's generations, with the OpenTelemetry GenAI names and units:
 * {@value GenAi#METRIC_OPERATION_DURATION} (seconds), {@value GenAi#METRIC_TOKEN_USAGE} (tokens, by
 * {@code gen_ai.token.type}), {@value GenAi#METRIC_TIME_TO_FIRST_CHUNK} (seconds), with the
 * convention's bucket boundaries; and chatstream's: generations in flight and queued, drain time and
 * events per drain, dead letters by reason, retries, provider errors by kind, fallback members'
 * availability. Attributes are the profile, provider, request and response model and
 * {@code error.type}: bounded sets, never a conversation or request id.
 *
 * <p>Recording happens on stream threads; the meters of a set of attributes are looked up once and
 * kept, so a generation costs a map lookup and a few histogram updates.
 */
public final class PipelineMeters {
  private static final double[] TOKEN_BUCKETS = {1, 4, 16, 64, 256, 1024, 4096, 16384, 65536, 262144, 1048576,
      4194304, 16777216, 67108864};
  private static final Duration[] DURATION_BUCKETS = seconds(0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64, 1.28, 2.56,
      5.12, 10.24, 20.48, 40.96, 81.92);
  private static final Duration[] FIRST_CHUNK_BUCKETS = seconds(0.001, 0.005, 0.01, 0.02, 0.04, 0.06, 0.08, 0.1,
      0.25, 0.5, 0.75, 1.0, 2.5, 5.0, 7.5, 10.0);
  private static final Duration[] DRAIN_BUCKETS = seconds(0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01,
      0.025, 0.05, 0.1);

  private final MeterRegistry registry;
  private final LlmRegistry llms;
  private final Timer drainDuration;
  private final DistributionSummary drainEvents;
  private final Set<TaskMeters> tasks = ConcurrentHashMap.newKeySet();
  private final Map<Outcome, OutcomeMeters> outcomes = new ConcurrentHashMap<>();
  private final Map<ErrorKey, Counter> errors = new ConcurrentHashMap<>();
  private final Map<ErrorKey, Counter> retries = new ConcurrentHashMap<>();
  private final DeadLetterMeters deadLetters;
  private final Map<String, AtomicInteger> availability = new ConcurrentHashMap<>();

  private record Outcome(GenerationNames names, String responseModel, String errorType) {}

  private record ErrorKey(GenerationNames names, String kind, String errorType) {}

  private record OutcomeMeters(Timer duration, Timer firstChunk, DistributionSummary input,
      DistributionSummary output) {}

  /**
   * The meters of a service whose profiles {@code llms} serves and whose in-flight bound is
   * {@code limiter}, registered in {@code registry}.
   */
  public PipelineMeters(MeterRegistry registry, LlmRegistry llms, InflightLimiter limiter) {
    this.registry = registry;
    this.llms = llms;
    this.deadLetters = new DeadLetterMeters(registry);
    Gauge.builder("chatstream.generations.inflight", limiter, InflightLimiter::inflight)
        .description("Generations running on a provider in this instance").register(registry);
    Gauge.builder("chatstream.generations.inflight.limit", limiter, InflightLimiter::max)
        .description("The most generations that may run at once in this instance (max.inflight.generations)")
        .register(registry);
    Gauge.builder("chatstream.generations.queued", tasks, PipelineMeters::waiting)
        .description("Generations whose turn came that wait for an in-flight permit").register(registry);
    drainDuration = Timer.builder("chatstream.drain.duration")
        .description("Time one drain of provider events took on the stream thread (drains that handed events over)")
        .serviceLevelObjectives(DRAIN_BUCKETS).register(registry);
    drainEvents = DistributionSummary.builder("chatstream.drain.events")
        .description("Provider events one drain handed over (drains that handed events over)")
        .serviceLevelObjectives(1, 10, 100, 1000, 10000).register(registry);
  }

  /** The meters one task updates; closed with the task. */
  public TaskMeters task() {
    TaskMeters task = new TaskMeters();
    tasks.add(task);
    return task;
  }

  /** A drain handed {@code events} provider events over in {@code nanos}. */
  public void drained(long nanos, int events) {
    drainDuration.record(nanos, TimeUnit.NANOSECONDS);
    drainEvents.record(events);
  }

  /** {@code generation} ended with {@code metrics} (normally or cancelled). */
  public void completed(ActiveGeneration generation, LlmMetrics metrics) {
    GenerationNames names = names(generation);
    String responseModel = metrics.modelName() == null ? "" : metrics.modelName();
    GenerationNames answered = new GenerationNames(names.profile(), names.requestModel(),
        GenAi.providerName(metrics.modelProvider()));
    OutcomeMeters meters = outcomes.computeIfAbsent(new Outcome(answered, responseModel, GenAi.NO_ERROR),
        this::outcomeMeters);
    meters.duration().record(seconds(metrics.durationSeconds()));
    if (metrics.ttftSeconds() >= 0) {
      meters.firstChunk().record(seconds(metrics.ttftSeconds()));
    }
    if (metrics.totalTokens() > 0) {
      meters.input().record(metrics.promptTokens());
      meters.output().record(metrics.completionTokens());
    }
  }

  /** A provider error of {@code generation}: a retry when recoverable, else the generation failed. */
  public void providerError(ActiveGeneration generation, LlmError error) {
    GenerationNames names = names(generation);
    ErrorKey key = new ErrorKey(names, error.kind().name(), GenAi.errorType(error));
    errors.computeIfAbsent(key, this::errorCounter).increment();
    if (error.recoverable()) {
      retries.computeIfAbsent(key, this::retryCounter).increment();
      return;
    }
    outcomes.computeIfAbsent(new Outcome(names, "", key.errorType()), this::outcomeMeters)
        .duration().record(System.nanoTime() - generation.startedAtNanos(), TimeUnit.NANOSECONDS);
  }

  /** A fallback member's availability changed. */
  public void availability(AvailabilityChanged change) {
    availability.computeIfAbsent(change.llm(), llm -> {
      AtomicInteger value = new AtomicInteger();
      Gauge.builder("chatstream.llm.available", value, AtomicInteger::get)
          .description("1 while a fallback member is available, 0 while it is not (from its first change on)")
          .tag("chatstream.llm.member", llm).register(registry);
      return value;
    }).set(change.available() ? 1 : 0);
  }

  /** The dead-letter counter, by reason. */
  public DeadLetterMeters deadLetters() {
    return deadLetters;
  }

  private GenerationNames names(ActiveGeneration generation) {
    return GenerationNames.of(generation.request(), llms);
  }

  private OutcomeMeters outcomeMeters(Outcome outcome) {
    Tags tags = Tags.of(GenAi.OPERATION_NAME, GenAi.OPERATION_CHAT)
        .and(GenAi.PROVIDER_NAME, outcome.names().providerName())
        .and(GenAi.REQUEST_MODEL, outcome.names().requestModel())
        .and(GenAi.RESPONSE_MODEL, outcome.responseModel())
        .and(GenAi.PROFILE, outcome.names().profile());
    Timer duration = Timer.builder(GenAi.METRIC_OPERATION_DURATION)
        .description("GenAI operation duration: a generation from its start to its end, retries included")
        .tags(tags).tag(GenAi.ERROR_TYPE, outcome.errorType())
        .serviceLevelObjectives(DURATION_BUCKETS).register(registry);
    if (!outcome.errorType().isEmpty()) {
      return new OutcomeMeters(duration, null, null, null);
    }
    Timer firstChunk = Timer.builder(GenAi.METRIC_TIME_TO_FIRST_CHUNK)
        .description("Time from a generation's start to its first chunk with text or a tool call")
        .tags(tags).serviceLevelObjectives(FIRST_CHUNK_BUCKETS).register(registry);
    return new OutcomeMeters(duration, firstChunk, tokens(tags, GenAi.TOKEN_INPUT), tokens(tags, GenAi.TOKEN_OUTPUT));
  }

  private DistributionSummary tokens(Tags tags, String type) {
    return DistributionSummary.builder(GenAi.METRIC_TOKEN_USAGE)
        .description("Input and output tokens of a generation ({token})")
        .tags(tags).tag(GenAi.TOKEN_TYPE, type).serviceLevelObjectives(TOKEN_BUCKETS).register(registry);
  }

  private Counter errorCounter(ErrorKey key) {
    return Counter.builder("chatstream.llm.errors")
        .description("Provider errors, retried or final, by kind").baseUnit("errors")
        .tags(errorTags(key)).tag(GenAi.ERROR_KIND, key.kind()).register(registry);
  }

  private Counter retryCounter(ErrorKey key) {
    return Counter.builder("chatstream.llm.retries")
        .description("Failed attempts that another attempt followed").baseUnit("retries")
        .tags(errorTags(key)).register(registry);
  }

  private static Tags errorTags(ErrorKey key) {
    return Tags.of(GenAi.PROVIDER_NAME, key.names().providerName())
        .and(GenAi.REQUEST_MODEL, key.names().requestModel())
        .and(GenAi.PROFILE, key.names().profile())
        .and(GenAi.ERROR_TYPE, key.errorType());
  }

  private static double waiting(Set<TaskMeters> tasks) {
    int sum = 0;
    for (TaskMeters task : tasks) {
      sum += task.waiting;
    }
    return sum;
  }

  private static Duration seconds(double value) {
    return Duration.ofNanos(Math.round(value * 1e9));
  }

  private static Duration[] seconds(double... values) {
    Duration[] durations = new Duration[values.length];
    for (int i = 0; i < values.length; i++) {
      durations[i] = seconds(values[i]);
    }
    return durations;
  }

  /** What one task reports: how many of its conversations wait for a permit. Written on its stream thread. */
  public final class TaskMeters implements AutoCloseable {
    private volatile int waiting;

    private TaskMeters() {}

    /** {@code count} of the task's conversations wait for an in-flight permit now. */
    public void waiting(int count) {
      if (waiting != count) {
        waiting = count;
      }
    }

    /** The task closed: its count no longer adds up. */
    @Override
    public void close() {
      tasks.remove(this);
    }
  }
}
