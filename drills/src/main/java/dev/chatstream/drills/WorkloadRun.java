package dev.chatstream.drills;

import dev.chatstream.events.LLMError;
import dev.chatstream.events.ReplyCompleted;
import dev.chatstream.pipeline.client.ConversationProducer;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A {@link Workload} fed to an application from a thread of its own while a drill disrupts it, then
 * waited for until every request has an outcome, and checked with {@link DeliveryChecks}.
 */
final class WorkloadRun implements AutoCloseable {
  private final DrillApplication app;
  private final String bootstrapServers;
  private final Workload workload;
  private final ConversationProducer producer;
  private CompletableFuture<Void> feeding;

  WorkloadRun(DrillApplication app, String bootstrapServers, Workload workload) {
    this.app = app;
    this.bootstrapServers = bootstrapServers;
    this.workload = workload;
    this.producer = new ConversationProducer(app.clientConfig(bootstrapServers).clientProperties(), app.topics());
  }

  /** Starts sending every turn, spread over {@code feedTime}. */
  void startFeeding(Duration feedTime) {
    long gap = feedTime.toMillis() / Math.max(1, workload.generations());
    feeding = CompletableFuture.runAsync(() -> workload.sendAll(producer, gap));
  }

  boolean feeding() {
    return !feeding.isDone();
  }

  /** Waits until every turn was sent. */
  void awaitFed(Duration timeout) {
    try {
      feeding.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw new IllegalStateException("feeding the workload failed", e.getCause());
    } catch (TimeoutException e) {
      throw new IllegalStateException("the workload was not sent within " + timeout.toSeconds() + " s", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * Waits until every sent request has a reply or a final error, or {@code timeout} passes (the
   * checks then name what is missing), and returns how long it waited.
   */
  Duration awaitOutcomes(Duration timeout) {
    long start = System.nanoTime();
    long deadline = start + timeout.toNanos();
    while (System.nanoTime() < deadline && !unanswered().isEmpty()) {
      Pause.millis(2000);
    }
    return Duration.ofNanos(System.nanoTime() - start);
  }

  private Set<String> unanswered() {
    OutputEvents outputs = OutputEvents.read(bootstrapServers, app.topics());
    Set<String> open = new HashSet<>(workload.sentRequests().keySet());
    outputs.of(ReplyCompleted.class).forEach(r -> open.remove(r.getRequestId()));
    outputs.of(LLMError.class).stream().filter(e -> !e.getRecoverable()).forEach(e -> open.remove(e.getRequestId()));
    return open;
  }

  /** Every conversation's context, read from the instance serving HTTP on {@code httpPort}. */
  Map<String, List<ContextProbe.Item>> contexts(int httpPort) {
    ContextProbe probe = new ContextProbe(httpPort);
    Map<String, List<ContextProbe.Item>> contexts = new LinkedHashMap<>();
    for (String conversation : workload.conversationIds()) {
      contexts.put(conversation, probe.context(conversation));
    }
    return contexts;
  }

  /** Applies {@link DeliveryChecks} to what the outputs hold now and to {@code contexts}. */
  void check(DrillReport report, Map<String, List<ContextProbe.Item>> contexts) {
    DeliveryChecks.apply(report, workload, OutputEvents.read(bootstrapServers, app.topics()), contexts, app.exactlyOnce());
  }

  @Override
  public void close() {
    producer.close();
  }
}
