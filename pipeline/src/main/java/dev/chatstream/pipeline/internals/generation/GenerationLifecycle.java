package dev.chatstream.pipeline.internals.generation;

import dev.chatstream.llm.chat.FunctionCall;
import dev.chatstream.llm.chat.FunctionCallOutput;
import dev.chatstream.pipeline.LlmRegistry;
import dev.chatstream.pipeline.internals.state.ConversationStore;
import dev.chatstream.pipeline.internals.state.GenerationEntry;
import dev.chatstream.pipeline.internals.state.GenerationStore;
import java.util.List;
import java.util.Optional;
import java.util.function.DoubleSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The life of generation requests on one task: queued one per conversation in the generations store,
 * started on a provider without waiting when it is their turn and a permit is free, fed by the
 * provider's events (a provider state goes to the conversation header at once, for the request's
 * profile), completed ({@link ReplyCompletion}) or failed, cancelled, continued by the tool
 * loop ({@link ToolLoops}), and restarted when the task took over generations that were in flight.
 * Runs on the stream thread only.
 *
 * <p>Queued requests start in {@link GenerationStarts}, which decodes each once per start; the running
 * generation keeps both forms for the tool loop.
 */
public final class GenerationLifecycle {
  private static final Logger LOG = LoggerFactory.getLogger(GenerationLifecycle.class);

  private final ConversationStore conversations;
  private final GenerationStore generations;
  private final GenerationRunner runner;
  private final OutputSink sink;
  private final DoubleSupplier clock;
  private final PipelineErrors errors;
  private final ToolLoops toolLoops;
  private final ReplyCompletion completion;
  private final GenerationStarts starts;
  private final LlmRegistry registry;
  private final ChunkCoalescer chunks;

  /** The lifecycle of one task's generations, over its stores; {@code clock} gives seconds since the epoch. */
  public GenerationLifecycle(ConversationStore conversations, GenerationStore generations, GenerationRunner runner,
      LlmRegistry registry, RequestCodec codec, OutputSink sink, DoubleSupplier clock) {
    this.conversations = conversations;
    this.generations = generations;
    this.runner = runner;
    this.sink = sink;
    this.clock = clock;
    this.errors = new PipelineErrors(clock);
    this.toolLoops = new ToolLoops(conversations, sink, errors);
    this.completion = new ReplyCompletion(conversations, sink, errors);
    this.chunks = new ChunkCoalescer(sink);
    this.starts = new GenerationStarts(conversations, generations, runner, registry, codec, sink, errors);
    this.registry = registry;
  }

  /**
   * Queues a request and starts it if it is next. A request that interrupts first cancels the running
   * generation and any tool loop waiting for outputs. A request whose id is already queued or running,
   * or whose reply is in the context, is a repeat (a producer's retry, a record read again after a
   * crash) and is ignored.
   *
   * @param traceparent the W3C trace context of the record that asked, or null
   */
  public void request(String conversationId, ReplyRequest request, byte[] encoded, String traceparent) {
    List<GenerationEntry> entries = generations.entries(conversationId);
    boolean repeat = entries.stream().anyMatch(entry -> entry.requestId().equals(request.requestId()));
    if (repeat) {
      LOG.info("request {} of conversation {} is already queued or running; the repeat is ignored",
          request.requestId(), conversationId);
      return;
    }
    if (AnsweredRequests.answered(conversations, conversationId, request.requestId())) {
      LOG.info("request {} of conversation {} was answered already; the repeat is ignored",
          request.requestId(), conversationId);
      return;
    }
    if (request.interrupt()) {
      runner.cancel(conversationId);
      toolLoops.stop(conversationId, null);
    }
    submit(conversationId, entries, request.requestId(), 0, encoded, traceparent, request);
  }

  /**
   * Cancels the running generation when {@code requestId} is null or names it; otherwise removes
   * the queued request with that id. A tool loop waiting for outputs stops too when {@code requestId}
   * is null or names the request that began it.
   */
  public void cancel(String conversationId, String requestId) {
    toolLoops.stop(conversationId, requestId);
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
        sink.cancelledBeforeStart(conversationId, starts.removed(conversationId, entry));
        return;
      }
    }
  }

  /**
   * Counts a function output towards the tool loop waiting for it, and starts the next reply when
   * complete, in the trace of {@code traceparent} (the output record's W3C trace context, or null).
   */
  public void functionOutput(String conversationId, FunctionCallOutput output, String traceparent) {
    toolLoops.outputArrived(conversationId, output).ifPresent(next -> submit(conversationId,
        generations.entries(conversationId), next.requestId(), next.toolStep(), next.encoded(), traceparent, null));
  }

  /** Cancels what runs and forgets every request of the conversation (it is being deleted). */
  public void forget(String conversationId) {
    runner.cancel(conversationId);
    runner.finished(conversationId);
    generations.removeAll(conversationId);
    starts.forget(conversationId);
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
      case ProviderEvent.Retry retry -> sink.error(generation, retry.error());
      case ProviderEvent.Availability change -> sink.availability(generation, change.change());
      case ProviderEvent.State state -> conversations.putProviderState(generation.handle().conversationId(),
          generation.request().profileIn(registry), state.state());
      case ProviderEvent.Completed completed -> {
        List<FunctionCall> awaited = completion.complete(generation, completed.metrics());
        if (!awaited.isEmpty()) {
          toolLoops.await(generation, awaited);
        }
        end(generation);
      }
      case ProviderEvent.Failed failed -> {
        sink.error(generation, failed.error());
        end(generation);
      }
    }
  }

  /**
   * Forwards the chunks the drain held back to merge them (see {@link ChunkCoalescer}): the drain has
   * handed over every event it takes this time.
   */
  public void endOfDrain() {
    chunks.flushAll();
  }

  /** How many attempts have forwarded their first chunk so far: a counter that only grows. */
  public long firstChunksForwarded() {
    return chunks.firstChunksForwarded();
  }

  /** Starts every request that was in flight or queued when the task last stopped. */
  public void resume() {
    for (String conversationId : generations.conversations()) {
      starts.startNext(conversationId);
    }
  }

  /** Starts queued requests that waited for an in-flight permit, while permits last. */
  public void startWaiting() {
    starts.startWaiting();
  }

  /** Conversations whose next request waits for a permit. */
  public int waiting() {
    return starts.waiting();
  }

  /**
   * Queues a request behind the conversation's {@code entries} (its position one past the last of
   * them) and starts what is next. A request that finds nothing queued or running starts at once and
   * its entry is written once, already running.
   *
   * @param decoded the request's decoded form, or null to decode it when it starts
   */
  private void submit(String conversationId, List<GenerationEntry> entries, String requestId, int toolStep,
      byte[] encoded, String traceparent, ReplyRequest decoded) {
    long seq = entries.isEmpty() ? 0 : entries.getLast().seq() + 1;
    GenerationEntry entry = new GenerationEntry(seq, GenerationEntry.Status.QUEUED, 0, requestId, toolStep,
        clock.getAsDouble(), encoded, traceparent);
    if (entries.isEmpty()) {
      starts.startArrived(conversationId, entry, decoded);
      return;
    }
    generations.put(conversationId, entry);
    if (decoded != null) {
      starts.queued(conversationId, seq, decoded);
    }
    starts.startNext(conversationId);
  }

  private void end(ActiveGeneration generation) {
    String conversationId = generation.handle().conversationId();
    generations.remove(conversationId, generation.handle().queueSeq());
    runner.finished(conversationId);
    starts.startNext(conversationId);
  }
}
