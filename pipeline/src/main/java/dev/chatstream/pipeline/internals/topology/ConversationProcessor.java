package dev.chatstream.pipeline.internals.topology;

import dev.chatstream.llm.chat.FunctionCallOutput;
import dev.chatstream.pipeline.LlmRegistry;
import dev.chatstream.pipeline.Topic;
import dev.chatstream.pipeline.internals.generation.GenerationLifecycle;
import dev.chatstream.pipeline.internals.generation.GenerationRunner;
import dev.chatstream.pipeline.internals.generation.GenerationTracer;
import dev.chatstream.pipeline.internals.generation.InflightLimiter;
import dev.chatstream.pipeline.internals.generation.OutputSink;
import dev.chatstream.pipeline.internals.generation.PipelineErrors;
import dev.chatstream.pipeline.internals.generation.ProviderEventQueue;
import dev.chatstream.pipeline.internals.generation.RequestCodec;
import dev.chatstream.pipeline.internals.inbound.Command;
import dev.chatstream.pipeline.internals.inbound.Inbound;
import dev.chatstream.pipeline.internals.metrics.PipelineMeters;
import dev.chatstream.pipeline.internals.state.AppendOutcome;
import dev.chatstream.pipeline.internals.state.ConversationLimits;
import dev.chatstream.pipeline.internals.state.ConversationStore;
import dev.chatstream.pipeline.internals.state.GenerationStore;
import dev.chatstream.pipeline.internals.state.ItemCodec;
import dev.chatstream.pipeline.internals.tracing.TraceHeaders;
import java.time.Duration;
import java.util.function.DoubleSupplier;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.Cancellable;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The conversation processor: applies items to the ChatContext state, queues and starts
 * generations, and, in a wall-clock punctuator on the stream thread, drains what providers reported
 * into output records and state. Never waits on the network. When generations are traced, the W3C
 * {@code traceparent} of the records that ask for them is kept with the request.
 */
public final class ConversationProcessor implements Processor<String, Inbound, String, Object> {
  private final Settings settings;
  private final ProviderEventQueue queue = new ProviderEventQueue();
  private final DeadLetters deadLetters;
  private ProcessorContext<String, Object> context;
  private ConversationStore conversations;
  private GenerationRunner runner;
  private GenerationLifecycle generations;
  private PipelineErrors errors;
  private OutputSink sink;
  private PipelineMeters.TaskMeters taskMeters;
  private Cancellable drain;
  private boolean resumePending;

  /**
   * What every conversation processor of an instance shares.
   *
   * @param registry the LLM profiles
   * @param limiter the instance's in-flight bound
   * @param itemCodec how items are stored
   * @param requestCodec how stored requests are read
   * @param outputs builds the output sink of a task
   * @param dlq the dead-letter topic, for items past a conversation limit
   * @param limits per-conversation bounds
   * @param drainInterval how often provider events are drained
   * @param maxEventsPerDrain most provider events handled in one drain
   * @param drainBudget how long one drain may hand events over before it leaves the rest to the next
   * @param firstChunkCommits when to request a commit after first chunks (exactly-once)
   * @param meters the service's meters
   * @param tracer traces generation attempts
   * @param clock now, in seconds
   */
  public record Settings(
      LlmRegistry registry,
      InflightLimiter limiter,
      ItemCodec itemCodec,
      RequestCodec requestCodec,
      OutputSinkFactory outputs,
      Topic<byte[]> dlq,
      ConversationLimits limits,
      Duration drainInterval,
      int maxEventsPerDrain,
      Duration drainBudget,
      FirstChunkCommits firstChunkCommits,
      PipelineMeters meters,
      GenerationTracer tracer,
      DoubleSupplier clock) {}

  /** Builds the output sink of one task from its processor context. */
  @FunctionalInterface
  public interface OutputSinkFactory {
    /** The sink forwarding through {@code context}. */
    OutputSink create(ProcessorContext<String, Object> context);
  }

  ConversationProcessor(Settings settings) {
    this.settings = settings;
    this.deadLetters = new DeadLetters(settings.dlq(), settings.meters().deadLetters());
  }

  @Override
  public void init(ProcessorContext<String, Object> processorContext) {
    this.context = processorContext;
    KeyValueStore<Bytes, byte[]> items = processorContext.getStateStore(ConversationStore.ITEMS);
    KeyValueStore<Bytes, byte[]> index = processorContext.getStateStore(ConversationStore.INDEX);
    KeyValueStore<Bytes, byte[]> headers = processorContext.getStateStore(ConversationStore.HEADERS);
    KeyValueStore<Bytes, byte[]> generationStore = processorContext.getStateStore(GenerationStore.NAME);
    conversations = new ConversationStore(items, index, headers, settings.itemCodec(), settings.limits());
    runner = new GenerationRunner(settings.limiter(), queue, settings.tracer());
    taskMeters = settings.meters().task();
    sink = settings.outputs().create(processorContext);
    generations = new GenerationLifecycle(conversations, new GenerationStore(generationStore), runner,
        settings.registry(), settings.requestCodec(), sink, settings.clock());
    errors = new PipelineErrors(settings.clock());
    resumePending = true;
    drain = processorContext.schedule(settings.drainInterval(), PunctuationType.WALL_CLOCK_TIME, now -> drain());
  }

  @Override
  public void process(Record<String, Inbound> record) {
    String conversationId = record.key();
    switch (record.value().command()) {
      case Command.AppendItem append -> append(record, conversationId, append);
      case Command.RequestReply reply ->
          generations.request(conversationId, reply.request(), reply.encoded(), traceparent(record));
      case Command.Cancel cancel -> generations.cancel(conversationId, cancel.requestId());
      case Command.Truncate truncate -> conversations.truncate(conversationId, truncate.maxItems());
      case Command.Delete delete -> {
        generations.forget(conversationId);
        conversations.delete(conversationId);
      }
    }
  }

  private void append(Record<String, Inbound> record, String conversationId, Command.AppendItem append) {
    AppendOutcome outcome = conversations.append(conversationId, append.item());
    if (outcome instanceof AppendOutcome.LimitExceeded(String reason)) {
      deadLetters.forward(context, record, "conversation_limit", reason);
      sink.requestError(conversationId, null, errors.itemRejected(append.item().id(), reason));
      return;
    }
    if (outcome == AppendOutcome.APPENDED && append.item() instanceof FunctionCallOutput output) {
      generations.functionOutput(conversationId, output, traceparent(record));
    }
  }

  private String traceparent(Record<String, Inbound> record) {
    return settings.tracer().enabled() ? TraceHeaders.traceparent(record.headers()) : null;
  }

  /**
   * Hands queued provider events to the generation lifecycle, then starts requests that waited for a permit,
   * then, when a first chunk was forwarded, asks for a commit as {@link FirstChunkCommits} paces it.
   * The first drain of a task restarts what was in flight when the task last stopped (outputs cannot
   * be forwarded from {@code init}).
   */
  void drain() {
    if (resumePending) {
      resumePending = false;
      generations.resume();
    }
    long started = System.nanoTime();
    long firstChunks = generations.firstChunksForwarded();
    int drained = queue.drain(settings.maxEventsPerDrain(), settings.drainBudget(), generations::onProviderEvent);
    generations.endOfDrain();
    if (generations.firstChunksForwarded() != firstChunks) {
      settings.firstChunkCommits().firstChunkForwarded();
    }
    if (settings.firstChunkCommits().due(System.nanoTime())) {
      context.commit();
    }
    generations.startWaiting();
    if (drained > 0) {
      settings.meters().drained(System.nanoTime() - started, drained);
    }
    taskMeters.waiting(generations.waiting());
  }

  @Override
  public void close() {
    if (drain != null) {
      drain.cancel();
    }
    if (runner != null) {
      runner.closeAll();
    }
    if (taskMeters != null) {
      taskMeters.close();
    }
  }
}
