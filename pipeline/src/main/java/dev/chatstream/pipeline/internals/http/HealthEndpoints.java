package dev.chatstream.pipeline.internals.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;
import org.apache.kafka.streams.KafkaStreams;

/**
 * The probes. Live while the streams have not failed or stopped ({@code ERROR}, {@code PENDING_ERROR},
 * {@code PENDING_SHUTDOWN}, {@code NOT_RUNNING} are down): a failed instance should be restarted.
 * Ready only when the streams are {@code RUNNING} (tasks assigned, state restored) and a broker
 * answers.
 */
final class HealthEndpoints {
  private static final Set<KafkaStreams.State> DEAD = Set.of(KafkaStreams.State.ERROR, KafkaStreams.State.PENDING_ERROR,
      KafkaStreams.State.PENDING_SHUTDOWN, KafkaStreams.State.NOT_RUNNING);

  private final KafkaStreams streams;
  private final BrokerProbe broker;

  HealthEndpoints(KafkaStreams streams, BrokerProbe broker) {
    this.streams = streams;
    this.broker = broker;
  }

  HttpAnswer live() {
    KafkaStreams.State state = streams.state();
    boolean up = !DEAD.contains(state);
    return HttpAnswer.json(up ? 200 : 503, status(up).put("streams", state.name()));
  }

  HttpAnswer ready() {
    KafkaStreams.State state = streams.state();
    String brokerProblem = broker.problem();
    boolean up = state == KafkaStreams.State.RUNNING && brokerProblem == null;
    ObjectNode body = status(up).put("streams", state.name())
        .put("broker", brokerProblem == null ? "reachable" : brokerProblem);
    return HttpAnswer.json(up ? 200 : 503, body);
  }

  private static ObjectNode status(boolean up) {
    return HttpAnswer.object().put("status", up ? "UP" : "DOWN");
  }
}
