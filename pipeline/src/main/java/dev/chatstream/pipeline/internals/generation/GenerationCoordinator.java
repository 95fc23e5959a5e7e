package dev.chatstream.pipeline.internals.generation;

import dev.chatstream.llm.ErrorKind;
import dev.chatstream.llm.LlmError;
import dev.chatstream.llm.LlmMetrics;
import dev.chatstream.llm.LlmProvider;
import dev.chatstream.llm.LlmRequest;
import dev.chatstream.llm.chat.ChatContext;
import dev.chatstream.llm.chat.ChatItem;
import dev.chatstream.llm.chat.ChatMessage;
import dev.chatstream.llm.chat.FunctionCall;
import dev.chatstream.llm.chat.FunctionCallOutput;
import dev.chatstream.pipeline.LlmRegistry;
import dev.chatstream.pipeline.internals.state.AppendOutcome;
import dev.chatstream.pipeline.internals.state.ConversationHeader;
import dev.chatstream.pipeline.internals.state.ConversationStore;
import dev.chatstream.pipeline.internals.state.GenerationEntry;
import dev.chatstream.pipeline.internals.state.GenerationStore;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.DoubleSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The life of generation requests on one task: queueing one per conversation, starting them on
 * providers without waiting, turning provider events into output events and state, cancelling,
 * the tool loop, and restarting what was in flight when the task last stopped. Runs on the stream
 * thread only.
 */
public final class GenerationCoordinator {
  private static final Logger LOG = LoggerFactory.getLogger(GenerationCoordinator.class);

  private final ConversationStore conversations;
  private final GenerationStore generations;
  private final GenerationRunner runner;
  private final LlmRegistry registry;
  private final RequestCodec codec;
  private final OutputSink sink;
  private final DoubleSupplier clock;
  private final Set<String> waitingForPermit = new LinkedHashSet<>();
  private long firstChunks;

  /** A coordinator over one task's stores. */
  public GenerationCoordinator(
      ConversationStore conversations, GenerationStore generations, GenerationRunner runner,
      LlmRegistry registry, RequestCodec codec, OutputSink sink, DoubleSupplier clock) {
    this.conversations = conversations;
    this.generations = generations;
    this.runner = runner;
    this.registry = registry;
    this.codec = codec;
    this.sink = sink;
    this.clock = clock;
  }

  /**
   * Queues a request and starts it if it is next. A request that interrupts first cancels the running
   * generation and any tool loop waiting for outputs. A request whose id is already queued or running
   * is a repeat (a producer's retry, a replayed record) and is ignored.
   */
  public void request(String conversationId, ReplyRequest request, byte[] encoded) {
    boolean repeat = generations.entries(conversationId).stream()
        .anyMatch(entry -> entry.requestId().equals(request.requestId()));
    if (repeat) {
      LOG.info("request {} of conversation {} is already queued or running; the repeat is ignored",
          request.requestId(), conversationId);
      return;
    }
    if (request.interrupt()) {
      runner.cancel(conversationId);
      clearToolLoop(conversationId, null);
    }
    enqueue(conversationId, request.requestId(), 0, encoded);
    startNext(conversationId);
  }

  /**
   * Cancels the running generation when {@code requestId} is null or names it; otherwise removes
   * the queued request with that id. A tool loop waiting for outputs stops too when {@code requestId}
   * is null or names the request that began it.
   */
  public void cancel(String conversationId, String requestId) {
    clearToolLoop(conversationId, requestId);
    Optional<ActiveGeneration> running = runner.active(conversationId);
    if (running.isPresent() && (requestId == null || running.get().handle().requestId().equals(requestId))) {
      runner.cancel(conversationId);
      return;
    }
    if (requestId == null) {
      return;
    }
    for (GenerationEntry entry : generations.entries(conversationId)) {
      if (entry.requestId().equals(requestId) && entry.status() == GenerationEntry.Status.QUEUED) {
        generations.remove(conversationId, entry.seq());
        sink.cancelledBeforeStart(conversationId, codec.decode(entry.request()));
        return;
      }
    }
  }

  /** Counts a function output towards the tool loop waiting for it, and starts the next reply when complete. */
  public void functionOutput(String conversationId, FunctionCallOutput output) {
    ConversationHeader header = conversations.header(conversationId);
    ConversationHeader.ToolLoop loop = header.toolLoop();
    if (loop == null || !loop.pendingCallIds().contains(output.callId())) {
      return;
    }
    ConversationHeader.ToolLoop updated = loop.withOutputFor(output.callId());
    if (!updated.isComplete()) {
      conversations.putHeader(conversationId, header.withToolLoop(updated));
      return;
    }
    conversations.putHeader(conversationId, header.withToolLoop(null));
    enqueue(conversationId, loop.requestId() + "/tool-" + loop.step(), loop.step(), loop.request());
    startNext(conversationId);
  }

  private void clearToolLoop(String conversationId, String requestId) {
    ConversationHeader header = conversations.header(conversationId);
    ConversationHeader.ToolLoop loop = header.toolLoop();
    if (loop != null && (requestId == null || loop.requestId().equals(requestId))) {
      conversations.putHeader(conversationId, header.withToolLoop(null));
    }
  }

  /** Cancels what runs and forgets every request of the conversation (it is being deleted). */
  public void forget(String conversationId) {
    runner.cancel(conversationId);
    runner.finished(conversationId);
    generations.removeAll(conversationId);
    waitingForPermit.remove(conversationId);
  }

  /** Handles one provider event drained from the queue. Events of finished attempts are dropped. */
  public void onProviderEvent(ProviderEvent event) {
    Optional<ActiveGeneration> found = runner.activeFor(event.handle());
    if (found.isEmpty()) {
      return;
    }
    ActiveGeneration generation = found.get();
    switch (event) {
      case ProviderEvent.Chunk chunk -> {
        generation.reply().add(chunk.chunk());
        sink.chunk(generation, chunk.chunk());
        if (generation.chunkForwarded()) {
          firstChunks++;
        }
      }
      case ProviderEvent.Retry retry -> sink.error(generation, retry.error());
      case ProviderEvent.Availability change -> sink.availability(generation, change.change());
      case ProviderEvent.Completed completed -> complete(generation, completed.metrics());
      case ProviderEvent.Failed failed -> {
        sink.error(generation, failed.error());
        end(generation);
      }
    }
  }

  /** How many attempts have forwarded their first chunk so far: a counter that only grows. */
  public long firstChunksForwarded() {
    return firstChunks;
  }

  /** Starts every request that was in flight or queued when the task last stopped. */
  public void resume() {
    for (String conversationId : generations.conversations()) {
      startNext(conversationId);
    }
  }

  /** Starts queued requests that waited for an in-flight permit, while permits last. */
  public void startWaiting() {
    if (waitingForPermit.isEmpty() || !runner.hasFreePermit()) {
      return;
    }
    Deque<String> waiting = new ArrayDeque<>(waitingForPermit);
    waitingForPermit.clear();
    while (!waiting.isEmpty()) {
      String conversationId = waiting.poll();
      if (!startNext(conversationId)) {
        waitingForPermit.add(conversationId);
        waitingForPermit.addAll(waiting);
        return;
      }
    }
  }

  /** Conversations whose next request waits for a permit. */
  public int waiting() {
    return waitingForPermit.size();
  }

  private void enqueue(String conversationId, String requestId, int toolStep, byte[] encoded) {
    ConversationHeader header = conversations.header(conversationId);
    long seq = header.nextGenerationSeq();
    conversations.putHeader(conversationId, header.withGenerationQueued());
    generations.put(conversationId,
        new GenerationEntry(seq, GenerationEntry.Status.QUEUED, 0, requestId, toolStep, clock.getAsDouble(), encoded));
  }

  /** Starts the conversation's next request unless one runs; false only when no permit was free. */
  private boolean startNext(String conversationId) {
    while (runner.active(conversationId).isEmpty()) {
      Optional<GenerationEntry> head = generations.head(conversationId);
      if (head.isEmpty()) {
        return true;
      }
      GenerationEntry entry = head.get();
      ReplyRequest request = withRequestId(codec.decode(entry.request()), entry.requestId());
      Optional<Prepared> prepared = prepare(conversationId, entry, request);
      if (prepared.isEmpty()) {
        continue;
      }
      GenerationEntry next = entry.nextAttempt();
      GenerationHandle handle = new GenerationHandle(conversationId, entry.requestId(), next.attempt(), entry.seq());
      Optional<ActiveGeneration> started = runner.tryStart(handle, request, entry.toolStep(), entry.createdAt(),
          prepared.get().provider(), prepared.get().request(), MessageIds.forRequest(conversationId, entry.requestId()));
      if (started.isEmpty()) {
        waitingForPermit.add(conversationId);
        return false;
      }
      generations.put(conversationId, next);
      if (next.attempt() > 1) {
        LOG.info("restarted generation {} of conversation {} (attempt {})", entry.requestId(), conversationId, next.attempt());
      }
    }
    return true;
  }

  private record Prepared(LlmProvider provider, LlmRequest request) {}

  private Optional<Prepared> prepare(String conversationId, GenerationEntry entry, ReplyRequest request) {
    try {
      LlmProvider provider = registry.provider(request.llm());
      ChatContext context = conversations.context(conversationId);
      return Optional.of(new Prepared(provider, RequestBuilder.build(request, context, registry.connectOptions(request.llm()))));
    } catch (RuntimeException e) {
      generations.remove(conversationId, entry.seq());
      sink.requestError(conversationId, request, new LlmError(clock.getAsDouble(), "chatstream", ErrorKind.OTHER,
          "request " + request.requestId() + " cannot be sent: " + e.getMessage(), null, null, null, false, false));
      return Optional.empty();
    }
  }

  private void complete(ActiveGeneration generation, LlmMetrics metrics) {
    String conversationId = generation.handle().conversationId();
    boolean cancelled = generation.isCancelled() || (metrics != null && metrics.cancelled());
    ReplyAccumulator reply = generation.reply();
    ChatMessage message = reply.message(cancelled);
    List<FunctionCall> calls = reply.functionCalls();
    if (message != null) {
      store(generation, message);
    }
    for (FunctionCall call : calls) {
      store(generation, call);
      sink.functionCall(generation, call);
    }
    sink.replyCompleted(generation, message, calls, reply.usage(), reply.finishReason(cancelled), cancelled);
    if (metrics != null) {
      sink.metrics(generation, metrics);
    }
    if (!cancelled && !calls.isEmpty() && generation.request().autoToolReply()) {
      continueToolLoop(generation, calls);
    }
    end(generation);
  }

  private void continueToolLoop(ActiveGeneration generation, List<FunctionCall> calls) {
    ReplyRequest request = generation.request();
    int step = generation.toolStep() + 1;
    String conversationId = generation.handle().conversationId();
    if (step > request.maxToolSteps()) {
      sink.error(generation, new LlmError(clock.getAsDouble(), "chatstream", ErrorKind.OTHER,
          "max_tool_steps (" + request.maxToolSteps() + ") reached: the function calls of request "
              + generation.handle().requestId() + " will not be answered automatically",
          null, null, null, false, false));
      return;
    }
    String rootRequestId = generation.toolStep() == 0
        ? generation.handle().requestId()
        : generation.handle().requestId().substring(0, generation.handle().requestId().lastIndexOf("/tool-"));
    byte[] encoded = generations.entries(conversationId).stream()
        .filter(entry -> entry.seq() == generation.handle().queueSeq())
        .findFirst().orElseThrow().request();
    List<String> callIds = calls.stream().map(FunctionCall::callId).toList();
    ConversationHeader header = conversations.header(conversationId);
    conversations.putHeader(conversationId,
        header.withToolLoop(new ConversationHeader.ToolLoop(encoded, rootRequestId, step, callIds)));
  }

  private void store(ActiveGeneration generation, ChatItem item) {
    String conversationId = generation.handle().conversationId();
    AppendOutcome outcome = conversations.append(conversationId, item);
    if (outcome instanceof AppendOutcome.LimitExceeded(String reason)) {
      sink.error(generation, new LlmError(clock.getAsDouble(), "chatstream", ErrorKind.OTHER,
          "reply item " + item.id() + " was not stored: " + reason, null, null, null, false, false));
      return;
    }
    if (outcome == AppendOutcome.APPENDED) {
      sink.generatedItem(conversationId, item);
    }
  }

  private void end(ActiveGeneration generation) {
    String conversationId = generation.handle().conversationId();
    generations.remove(conversationId, generation.handle().queueSeq());
    runner.finished(conversationId);
    startNext(conversationId);
  }

  private static ReplyRequest withRequestId(ReplyRequest request, String requestId) {
    if (request.requestId().equals(requestId)) {
      return request;
    }
    return new ReplyRequest(requestId, request.llm(), request.model(), request.options(), request.tools(),
        request.toolChoice(), request.parallelToolCalls(), request.connectOptions(), request.transform(),
        request.autoToolReply(), request.maxToolSteps(), false, request.metadata());
  }
}
