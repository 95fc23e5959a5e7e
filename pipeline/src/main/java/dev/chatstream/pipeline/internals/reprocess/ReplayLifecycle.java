package dev.chatstream.pipeline.internals.reprocess;

import dev.chatstream.events.ReprocessResult;
import dev.chatstream.events.reprocess.ReplayedStep;
import dev.chatstream.events.reprocess.ReplyOutcome;
import dev.chatstream.llm.LlmError;
import dev.chatstream.llm.LlmMetrics;
import dev.chatstream.llm.LlmProvider;
import dev.chatstream.llm.LlmRequest;
import dev.chatstream.llm.chat.ChatContext;
import dev.chatstream.llm.chat.ChatItem;
import dev.chatstream.llm.chat.ChatMessage;
import dev.chatstream.llm.chat.FunctionCall;
import dev.chatstream.llm.chat.FunctionCallOutput;
import dev.chatstream.llm.chat.ItemIds;
import dev.chatstream.llm.stream.CompletionUsage;
import dev.chatstream.pipeline.LlmRegistry;
import dev.chatstream.pipeline.internals.generation.ActiveGeneration;
import dev.chatstream.pipeline.internals.generation.ChunkCoalescer;
import dev.chatstream.pipeline.internals.generation.GenerationHandle;
import dev.chatstream.pipeline.internals.generation.GenerationRunner;
import dev.chatstream.pipeline.internals.generation.MessageIds;
import dev.chatstream.pipeline.internals.generation.OutputSink;
import dev.chatstream.pipeline.internals.generation.PipelineErrors;
import dev.chatstream.pipeline.internals.generation.ProviderEvent;
import dev.chatstream.pipeline.internals.generation.ReplyAccumulator;
import dev.chatstream.pipeline.internals.generation.ReplyRequest;
import dev.chatstream.pipeline.internals.generation.RequestBuilder;
import dev.chatstream.pipeline.internals.generation.RequestCodec;
import dev.chatstream.pipeline.internals.mapping.ReplyOutcomes;
import dev.chatstream.pipeline.internals.state.ConversationHeader;
import dev.chatstream.pipeline.internals.state.ConversationStore;
import dev.chatstream.pipeline.internals.state.ItemCodec;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.streams.KeyValue;

/**
 * The life of replayed requests on one task of a reprocessing run. A selected request is frozen when
 * its record arrives: the replays store keeps it with the context as it was then, so later items of
 * the log never reach its replay. It starts when the run's {@link Pacer} and in-flight bound let it (any
 * number per conversation, each request being independent), streams its outputs under the run's
 * prefix, and, under {@code auto_tool_reply}, answers each step's calls with the outputs the original
 * run's tools gave, as long as the calls match the original ones ({@link ToolStepMatch}). When it ends,
 * its {@code ReprocessResult} is written and its entry removed, in the same transaction.
 */
public final class ReplayLifecycle {
  private final Settings settings;
  private final ConversationStore conversations;
  private final ReplayStore replays;
  private final GenerationRunner runner;
  private final OutputSink sink;
  private final Consumer<ReprocessResult> results;
  private final PipelineErrors errors;
  private final ChunkCoalescer chunks;
  private final Deque<KeyValue<String, ReplayEntry>> waiting = new ArrayDeque<>();
  private final Map<String, Running> running = new HashMap<>();

  /**
   * What every task of a run shares.
   *
   * @param plan the requests to replay
   * @param overrides what the run changes in them
   * @param registry the run's LLM profiles
   * @param requests reads recorded requests
   * @param items encodes and decodes stored items
   * @param pacer the run's limits
   * @param resultSerde encodes the result so far into a replay entry
   * @param runId the run
   * @param applicationId the run's application id
   * @param clock now, in seconds
   */
  public record Settings(ReplayPlan plan, ReplayOverrides overrides, LlmRegistry registry, RequestCodec requests,
      ItemCodec items, Pacer pacer, Serde<ReprocessResult> resultSerde, String runId, String applicationId,
      DoubleSupplier clock) {}

  private record Running(String conversationId, ReplayEntry entry, PlannedRequest planned, String profile,
      String model, long estimatedTokens) {}

  /** The replays of one task, over its stores; results go to {@code results}. */
  public ReplayLifecycle(Settings settings, ConversationStore conversations, ReplayStore replays,
      GenerationRunner runner, OutputSink sink, Consumer<ReprocessResult> results) {
    this.settings = settings;
    this.conversations = conversations;
    this.replays = replays;
    this.runner = runner;
    this.sink = sink;
    this.results = results;
    this.errors = new PipelineErrors(settings.clock());
    this.chunks = new ChunkCoalescer(sink);
  }

  /** The slot of a replay in the runner: one per entry, so requests of one conversation run side by side. */
  public static String slotOf(GenerationHandle handle) {
    return handle.conversationId() + '\u0000' + handle.queueSeq();
  }

  /**
   * Freezes a recorded request at {@code offset} of its partition when the plan selected it there.
   *
   * @param encoded the record's value
   */
  public void recorded(String conversationId, ReplyRequest request, byte[] encoded, long offset) {
    Optional<PlannedRequest> planned = settings.plan().find(conversationId, request.requestId());
    if (planned.isEmpty() || planned.get().offset() != offset) {
      return;
    }
    ConversationHeader header = conversations.header(conversationId);
    conversations.putHeader(conversationId, header.withGenerationQueued());
    ReplayEntry entry = new ReplayEntry(header.nextGenerationSeq(), false, 0, 0, request.requestId(), encoded,
        conversations.encodedItems(conversationId), null);
    replays.put(conversationId, entry);
    waiting.add(KeyValue.pair(conversationId, entry));
  }

  /** Queues every replay the task's store holds (the ones a stopped run left), to start again. */
  public void resume() {
    waiting.addAll(replays.all());
  }

  /** Starts waiting replays, in order, while the in-flight bound and the pacer allow. */
  public void startWaiting() {
    while (!waiting.isEmpty() && runner.hasFreePermit()) {
      KeyValue<String, ReplayEntry> next = waiting.peek();
      if (!start(next.key, next.value)) {
        return;
      }
      waiting.poll();
    }
  }

  /** Forwards the chunks the drain held back to merge them: the drain is over. */
  public void endOfDrain() {
    chunks.flushAll();
  }

  /** Replays queued or running on this task. */
  public int pending() {
    return waiting.size() + running.size();
  }

  /**
   * Handles one provider event drained from the queue. Events of finished attempts are dropped, but
   * for a fallback member's recovery that a probe of such an attempt confirmed.
   */
  public void onProviderEvent(ProviderEvent event) {
    Optional<ActiveGeneration> found = runner.activeFor(event.handle());
    if (found.isEmpty()) {
      if (event instanceof ProviderEvent.Availability late) {
        sink.availabilityAfterEnd(late.handle(), late.change());
      }
      return;
    }
    ActiveGeneration generation = found.get();
    if (!(event instanceof ProviderEvent.Chunk)) {
      chunks.flush(generation);
    }
    switch (event) {
      case ProviderEvent.Chunk chunk -> {
        generation.reply().add(chunk.chunk());
        chunks.add(generation, chunk.chunk());
      }
      case ProviderEvent.Retry retry -> {
        sink.error(generation, retry.error());
        if (Integer.valueOf(429).equals(retry.error().status()) && retry.error().retryAfter() != null) {
          settings.pacer().pause(retry.error().retryAfter());
        }
      }
      case ProviderEvent.Availability change -> sink.availability(generation, change.change());
      case ProviderEvent.State ignored -> {
        // a replay runs on its recorded context with the full input and keeps no provider state
      }
      case ProviderEvent.Completed completed -> completed(generation, completed.metrics());
      case ProviderEvent.Failed failed -> {
        sink.error(generation, failed.error());
        Running replay = finished(generation, 0);
        ReplyOutcome outcome = ReplyOutcomes.failed(replay.profile(), replay.model(), failed.error());
        finish(replay.conversationId(), replay.entry(), replay.planned(), outcome, null);
      }
    }
  }

  private boolean start(String conversationId, ReplayEntry entry) {
    PlannedRequest planned = settings.plan().find(conversationId, entry.requestId()).orElse(null);
    ReplyRequest request;
    LlmProvider provider;
    LlmRequest built;
    try {
      request = settings.overrides().apply(settings.requests().decode(entry.request()))
          .withRequestId(entry.stepRequestId());
      provider = settings.registry().provider(request.llm());
      built = RequestBuilder.build(request, settings.overrides().apply(context(entry)),
          settings.registry().connectOptions(request.llm()));
    } catch (RuntimeException e) {
      LlmError error = errors.requestCannotBeSent(entry.stepRequestId(), e.getMessage());
      String profile = settings.overrides().llm() != null ? settings.overrides().llm() : null;
      finish(conversationId, entry, planned, ReplyOutcomes.failed(profile, settings.overrides().model(), error), null);
      return true;
    }
    long estimate = estimatedTokens(built);
    if (!settings.pacer().tryStart(estimate)) {
      return false;
    }
    ReplayEntry next = entry.nextAttempt();
    GenerationHandle handle = new GenerationHandle(conversationId, entry.stepRequestId(), next.attempt(), entry.seq());
    ActiveGeneration generation = new ActiveGeneration(handle, request, entry.request(),
        new ReplyAccumulator(MessageIds.forRequest(conversationId, entry.stepRequestId()), settings.clock().getAsDouble()),
        entry.step());
    String profile = request.llm() != null ? request.llm() : settings.registry().defaultProfile();
    String model = request.model() != null ? request.model() : provider.model();
    running.put(slotOf(handle), new Running(conversationId, next, planned, profile, model, estimate));
    boolean started;
    try {
      started = runner.tryStart(generation, provider, built);
    } catch (RuntimeException e) {
      running.remove(slotOf(handle));
      settings.pacer().refund(estimate);
      LlmError error = errors.requestCannotBeSent(entry.stepRequestId(), e.getMessage());
      finish(conversationId, entry, planned, ReplyOutcomes.failed(profile, model, error), null);
      return true;
    }
    if (!started) {
      running.remove(slotOf(handle));
      settings.pacer().refund(estimate);
      return false;
    }
    replays.put(conversationId, next);
    return true;
  }

  private void completed(ActiveGeneration generation, LlmMetrics metrics) {
    boolean cancelled = generation.isCancelled() || (metrics != null && metrics.cancelled());
    ReplyAccumulator reply = generation.reply();
    ChatMessage message = reply.message(cancelled);
    List<FunctionCall> calls = reply.functionCalls();
    calls.forEach(call -> sink.functionCall(generation, call));
    sink.replyCompleted(generation, message, calls, reply.usage(), reply.finishReason(cancelled), cancelled);
    if (metrics != null) {
      sink.metrics(generation, metrics);
    }
    Running replay = finished(generation, usedTokens(reply.usage()));
    ReplyOutcome outcome = ReplyOutcomes.reply(replay.profile(), replay.model(), message, calls, reply.usage(),
        metrics, reply.finishReason(cancelled), cancelled);
    ReplyRequest request = generation.request();
    int nextStep = replay.entry().step() + 1;
    if (cancelled || calls.isEmpty() || !request.autoToolReply() || nextStep > request.maxToolSteps()
        || replay.planned() == null) {
      finish(replay.conversationId(), replay.entry(), replay.planned(), outcome, null);
      return;
    }
    switch (ToolStepMatch.of(nextStep, calls, replay.planned().originalCalls(replay.entry().stepRequestId()),
        replay.planned())) {
      case ToolStepMatch.Matched matched -> nextStep(replay, message, matched, outcome);
      case ToolStepMatch.Diverged diverged -> finish(replay.conversationId(), replay.entry(), replay.planned(),
          outcome, new Divergence(true, diverged.reason()));
      case ToolStepMatch.NoRecordedOutput missing -> finish(replay.conversationId(), replay.entry(),
          replay.planned(), outcome, new Divergence(false, missing.reason()));
    }
  }

  private void nextStep(Running replay, ChatMessage message, ToolStepMatch.Matched matched, ReplyOutcome outcome) {
    List<ChatItem> added = new ArrayList<>();
    if (message != null) {
      added.add(message);
    }
    matched.answers().forEach(answer -> added.add(answer.call()));
    double now = settings.clock().getAsDouble();
    for (ToolStepMatch.Answered answer : matched.answers()) {
      added.add(new FunctionCallOutput(ItemIds.shortId("item_"), answer.call().callId(), answer.output().name(),
          answer.output().output(), answer.output().isError(), now));
    }
    ReprocessResult result = withStep(replay.conversationId(), replay.entry(), replay.planned(), outcome);
    ReplayEntry next = replay.entry().nextStep(added.stream().map(settings.items()::encode).toList(),
        settings.resultSerde().serializer().serialize(ReplayStore.NAME, result));
    replays.put(replay.conversationId(), next);
    waiting.add(KeyValue.pair(replay.conversationId(), next));
  }

  private record Divergence(boolean diverged, String reason) {}

  private void finish(String conversationId, ReplayEntry entry, PlannedRequest planned, ReplyOutcome outcome,
      Divergence divergence) {
    ReprocessResult result = withStep(conversationId, entry, planned, outcome);
    if (divergence != null) {
      result.setDiverged(divergence.diverged());
      result.setDivergence(divergence.reason());
    }
    result.setTimestamp(settings.clock().getAsDouble());
    replays.remove(conversationId, entry.seq());
    results.accept(result);
  }

  /** The result so far with {@code outcome} as the outcome of the entry's current step. */
  private ReprocessResult withStep(String conversationId, ReplayEntry entry, PlannedRequest planned,
      ReplyOutcome outcome) {
    if (entry.partialResult() == null) {
      return ReprocessResult.newBuilder()
          .setRunId(settings.runId())
          .setApplicationId(settings.applicationId())
          .setConversationId(conversationId)
          .setRequestId(entry.requestId())
          .setOriginal(planned == null ? null : planned.original(entry.requestId()).orElse(null))
          .setReplayed(outcome)
          .setTimestamp(settings.clock().getAsDouble())
          .build();
    }
    ReprocessResult result = settings.resultSerde().deserializer().deserialize(ReplayStore.NAME, entry.partialResult());
    List<ReplayedStep> steps = new ArrayList<>(result.getToolSteps());
    steps.add(ReplayedStep.newBuilder().setRequestId(entry.stepRequestId())
        .setOriginal(planned == null ? null : planned.original(entry.stepRequestId()).orElse(null))
        .setReplayed(outcome).build());
    result.setToolSteps(steps);
    return result;
  }

  private Running finished(ActiveGeneration generation, long usedTokens) {
    String slot = slotOf(generation.handle());
    Running replay = running.remove(slot);
    runner.finished(slot);
    settings.pacer().settle(replay.estimatedTokens(), usedTokens);
    return replay;
  }

  private ChatContext context(ReplayEntry entry) {
    List<ChatItem> items = new ArrayList<>(entry.context().size());
    entry.context().forEach(bytes -> items.add(settings.items().decode(bytes)));
    return ChatContext.of(items);
  }

  /** A generation's expected cost before it runs: about four characters of text per prompt token. */
  private static long estimatedTokens(LlmRequest request) {
    long chars = 0;
    for (ChatItem item : request.context().items()) {
      chars += switch (item) {
        case ChatMessage message -> message.textContent() == null ? 0 : message.textContent().length();
        case FunctionCall call -> call.arguments().length() + call.name().length();
        case FunctionCallOutput output -> output.output().length();
      };
    }
    return chars / 4 + 1;
  }

  private static long usedTokens(CompletionUsage usage) {
    return usage == null ? 0 : usage.totalTokens();
  }
}
