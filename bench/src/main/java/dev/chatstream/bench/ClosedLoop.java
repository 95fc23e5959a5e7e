package dev.chatstream.bench;

import dev.chatstream.events.LLMError;
import dev.chatstream.events.LLMMetrics;
import dev.chatstream.events.ReplyCompleted;
import dev.chatstream.pipeline.client.ConversationProducer;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Keeps a number of conversation turns in flight through the pipeline, as chat users would: a turn
 * is a user message and a {@code generate_reply}; when its reply completes (or fails for good), the
 * next turn starts on the conversation that waited longest. Listens to the replies, errors and
 * metrics topics. Conversations are reused round-robin,
 * or, with {@code fresh}, every turn opens a new conversation (so no context grows).
 */
final class ClosedLoop implements OutputTap.Listener {
  private final ConversationProducer producer;
  private final String prefix;
  private final int inflight;
  private final boolean fresh;
  private final Deque<String> idle = new ArrayDeque<>();
  private final Map<String, Long> pending = new ConcurrentHashMap<>();
  private final AtomicLong turns = new AtomicLong();
  private final LongAdder completed = new LongAdder();
  private final LongAdder failed = new LongAdder();
  private final Samples turnTimes = new Samples();
  private final Samples connectorTimes = new Samples();
  private final TurnStages stages = new TurnStages();
  private volatile boolean running;
  private volatile boolean measuring;

  /**
   * @param prefix starts every conversation id
   * @param conversations conversations to cycle through (ignored when {@code fresh})
   * @param inflight turns kept in flight
   * @param fresh a new conversation for every turn
   */
  ClosedLoop(ConversationProducer producer, String prefix, int conversations, int inflight, boolean fresh) {
    this.producer = producer;
    this.prefix = prefix;
    this.inflight = inflight;
    this.fresh = fresh;
    if (!fresh) {
      for (int i = 0; i < conversations; i++) {
        idle.add(prefix + i);
      }
    }
  }

  /** Sends the first {@code inflight} turns, spread over {@code span}. */
  void start(Duration span) {
    running = true;
    Stagger.over(span, inflight, turn -> startTurn());
    producer.flush();
  }

  /** Starts no more turns; those in flight finish. */
  void stop() {
    running = false;
  }

  /** Records how long each turn takes from now on (or stops recording). */
  void measure(boolean on) {
    measuring = on;
  }

  @Override
  public void onEvent(OutputEvent received) {
    switch (received.event()) {
      case ReplyCompleted reply -> {
        stages.replied(reply.getRequestId(), received.receivedMs(), measuring);
        finish(received.conversationId(), reply.getRequestId(), true, received.receivedNanos());
      }
      case LLMError error when !error.getRecoverable() -> {
        stages.failed(error.getRequestId());
        finish(received.conversationId(), error.getRequestId(), false, received.receivedNanos());
      }
      case LLMMetrics metrics -> {
        stages.metrics(metrics.getRequestId(), metrics.getTimestamp(), metrics.getDuration(), measuring);
        if (measuring) {
          connectorTimes.add(Math.round(metrics.getDuration() * 1e9));
        }
      }
      default -> { }
    }
  }

  long completed() {
    return completed.sum();
  }

  long failed() {
    return failed.sum();
  }

  /** Turns sent whose reply has not come back yet. */
  int outstanding() {
    return pending.size();
  }

  /** Send-to-reply times of the turns that ended while measuring. */
  Samples turnTimes() {
    return turnTimes;
  }

  /** Where the turns measured spent their time besides the connector. */
  TurnStageTimes stages() {
    return stages.summary();
  }

  /** How long the connector took for each generation that ended while measuring (its metrics' duration). */
  Samples connectorTimes() {
    return connectorTimes;
  }

  private void finish(String conversationId, String requestId, boolean ok, long receivedNanos) {
    Long sent = pending.remove(requestId);
    if (sent == null) {
      return;
    }
    (ok ? completed : failed).increment();
    if (measuring) {
      turnTimes.add(receivedNanos - sent);
    }
    if (!fresh) {
      synchronized (idle) {
        idle.add(conversationId);
      }
    }
    if (running) {
      startTurn();
    }
  }

  private void startTurn() {
    long turn = turns.getAndIncrement();
    String conversationId;
    if (fresh) {
      conversationId = prefix + turn;
    } else {
      synchronized (idle) {
        conversationId = idle.poll();
      }
      if (conversationId == null) {
        throw new IllegalStateException("no idle conversation: more turns in flight than conversations");
      }
    }
    String requestId = conversationId + "/t" + turn;
    producer.send(BenchEvents.userMessage(conversationId, "user-" + turn));
    stages.sent(requestId);
    pending.put(requestId, System.nanoTime());
    producer.send(BenchEvents.generateReply(conversationId, requestId));
  }
}
