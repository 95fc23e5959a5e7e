package dev.chatstream.pipeline.internals.reprocess;

import dev.chatstream.events.ReprocessResult;
import dev.chatstream.pipeline.Topic;
import dev.chatstream.pipeline.Topics;
import dev.chatstream.pipeline.internals.generation.GenerationRunner;
import dev.chatstream.pipeline.internals.generation.InflightLimiter;
import dev.chatstream.pipeline.internals.generation.ProviderEventQueue;
import dev.chatstream.pipeline.internals.inbound.Command;
import dev.chatstream.pipeline.internals.inbound.Inbound;
import dev.chatstream.pipeline.internals.state.ConversationLimits;
import dev.chatstream.pipeline.internals.state.ConversationStore;
import dev.chatstream.pipeline.internals.topology.AvroOutputSink;
import dev.chatstream.pipeline.internals.topology.Origin;
import java.time.Duration;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.Cancellable;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * The processor of a reprocessing run: rebuilds the contexts of the conversations it replays from the
 * recorded log (items, truncations and deletions as they happened; the original run's generated items
 * included), freezes each selected request when its record arrives, and drains the replays' provider
 * events on the stream thread into the run's output topics and results. Never waits on the network.
 */
public final class ReplayProcessor implements Processor<String, Inbound, String, Object> {
  private final Settings settings;
  private final ProviderEventQueue queue = new ProviderEventQueue();
  private ProcessorContext<String, Object> context;
  private ConversationStore conversations;
  private GenerationRunner runner;
  private ReplayLifecycle replays;
  private Cancellable drain;
  private boolean resumePending;

  /**
   * What every replay processor of a run shares.
   *
   * @param lifecycle the replays' settings
   * @param topics the run's output topics
   * @param results the run's results topic
   * @param limiter the run's in-flight bound
   * @param limits per-conversation bounds of the rebuilt contexts
   * @param drainInterval how often provider events are drained
   * @param maxEventsPerDrain most provider events handled in one drain
   * @param drainBudget how long one drain may hand events over
   */
  public record Settings(ReplayLifecycle.Settings lifecycle, Topics topics, Topic<ReprocessResult> results,
      InflightLimiter limiter, ConversationLimits limits, Duration drainInterval, int maxEventsPerDrain,
      Duration drainBudget) {}

  /** A processor of one task. */
  public ReplayProcessor(Settings settings) {
    this.settings = settings;
  }

  @Override
  public void init(ProcessorContext<String, Object> processorContext) {
    this.context = processorContext;
    conversations = new ConversationStore(processorContext.getStateStore(ConversationStore.ITEMS),
        processorContext.getStateStore(ConversationStore.INDEX), processorContext.getStateStore(ConversationStore.HEADERS),
        settings.lifecycle().items(), settings.limits());
    runner = new GenerationRunner(settings.limiter(), queue, ReplayLifecycle::slotOf);
    String runId = settings.lifecycle().runId();
    replays = new ReplayLifecycle(settings.lifecycle(), conversations,
        new ReplayStore(processorContext.getStateStore(ReplayStore.NAME)), runner,
        AvroOutputSink.forReprocess(processorContext, settings.topics(), settings.lifecycle().applicationId(), runId),
        this::result);
    resumePending = true;
    drain = processorContext.schedule(settings.drainInterval(), PunctuationType.WALL_CLOCK_TIME, now -> drain());
  }

  @Override
  public void process(Record<String, Inbound> record) {
    String conversationId = record.key();
    switch (record.value().command()) {
      case Command.AppendItem append -> conversations.append(conversationId, append.item());
      case Command.RequestReply reply -> replays.recorded(conversationId, reply.request(), reply.encoded(),
          context.recordMetadata().orElseThrow().offset());
      case Command.Truncate truncate -> conversations.truncate(conversationId, truncate.maxItems());
      case Command.Delete delete -> conversations.delete(conversationId);
      case Command.Cancel cancel -> { }
    }
  }

  private void drain() {
    if (resumePending) {
      resumePending = false;
      replays.resume();
    }
    queue.drain(settings.maxEventsPerDrain(), settings.drainBudget(), replays::onProviderEvent);
    replays.endOfDrain();
    replays.startWaiting();
  }

  private void result(ReprocessResult result) {
    context.forward(new Record<String, Object>(result.getConversationId(), result, System.currentTimeMillis(),
        Origin.markReprocess(new RecordHeaders(), settings.lifecycle().runId())), settings.results().sinkNode());
  }

  @Override
  public void close() {
    if (drain != null) {
      drain.cancel();
    }
    if (runner != null) {
      runner.closeAll();
    }
  }
}
