package dev.chatstream.bench;

/**
 * The Kafka records and requests of the stream threads' clients per completed turn in a measurement
 * window: what the broker handles for each turn, apart from the bench's own clients.
 *
 * @param outputRecordsPerTurn records the streams' producers sent to the output topics (chunks,
 *     function calls, errors, metrics, dead letters) per turn
 * @param changelogRecordsPerTurn records they sent to the state stores' changelog topics per turn
 * @param otherRecordsPerTurn records they sent to any other topic (the input topic's generated items)
 * @param recordsPerProduceRequest records per request the producers sent to the broker (all their
 *     requests, produce nearly all of them)
 * @param fetchesPerTurn fetch requests of the streams' main consumers per turn
 */
public record KafkaTraffic(
    double outputRecordsPerTurn,
    double changelogRecordsPerTurn,
    double otherRecordsPerTurn,
    double recordsPerProduceRequest,
    double fetchesPerTurn) {

  /** Every record the producers sent per turn. */
  public double recordsPerTurn() {
    return outputRecordsPerTurn + changelogRecordsPerTurn + otherRecordsPerTurn;
  }
}
