package dev.chatstream.bench;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Splits closed-loop turns into where their time went, from the wall-clock time each turn was sent,
 * its generation's metrics (which say when the connector started and ended) and the time its
 * {@code ReplyCompleted} was received. The metrics and the reply come on different topics, in either
 * order. Wall-clock times, so at 1 ms resolution.
 *
 * <ul>
 *   <li><b>request in</b>: sent → the connector started: the broker, the stream thread's backlog,
 *       processing the request and building the provider request;
 *   <li><b>reply out</b>: the connector ended → the reply was received: the wait for the drain, the
 *       completion's state writes and output records, the broker and the consumer.
 * </ul>
 */
final class TurnStages {
  private final Map<String, Long> sentMs = new ConcurrentHashMap<>();
  private final Map<String, Long> connectorEndMs = new HashMap<>();
  private final Map<String, Long> replyReceivedMs = new HashMap<>();
  private final Samples requestIn = new Samples();
  private final Samples replyOut = new Samples();

  /** A turn was sent now; any thread. */
  void sent(String requestId) {
    sentMs.put(requestId, System.currentTimeMillis());
  }

  /** The generation's metrics arrived: it started at {@code timestamp - duration} (seconds); the tap's thread. */
  void metrics(String requestId, double timestamp, double duration, boolean measuring) {
    long endMs = Math.round(timestamp * 1000);
    Long sent = sentMs.remove(requestId);
    if (measuring && sent != null) {
      requestIn.addMillis(Math.round((timestamp - duration) * 1000) - sent);
    }
    Long received = replyReceivedMs.remove(requestId);
    if (received == null) {
      connectorEndMs.put(requestId, endMs);
    } else if (measuring) {
      replyOut.addMillis(received - endMs);
    }
  }

  /** The turn's reply arrived at {@code receivedMs}; the tap's thread. */
  void replied(String requestId, long receivedMs, boolean measuring) {
    Long end = connectorEndMs.remove(requestId);
    if (end == null) {
      replyReceivedMs.put(requestId, receivedMs);
    } else if (measuring) {
      replyOut.addMillis(receivedMs - end);
    }
  }

  /** The turn failed for good: nothing more will match it; the tap's thread. */
  void failed(String requestId) {
    sentMs.remove(requestId);
    connectorEndMs.remove(requestId);
    replyReceivedMs.remove(requestId);
  }

  /** Request-in and reply-out times of the turns measured; null summaries when there were none. */
  TurnStageTimes summary() {
    return new TurnStageTimes(requestIn.summary(), replyOut.summary());
  }
}
