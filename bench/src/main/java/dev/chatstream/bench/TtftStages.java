package dev.chatstream.bench;

/**
 * Where the pipeline's TTFT went, sample by sample, from the output records' timestamps and the
 * generation's own metrics (wall clock, so at 1 ms resolution).
 *
 * @param requestIn {@code generate_reply} produced → the connector started: a trip through the
 *     broker, the stream thread picking the record up, processing it and starting the call
 * @param connector the connector's own TTFT inside the pipeline (its {@code ttft} metric)
 * @param drain the connector's first chunk → the chunk record forwarded: the wait for the drain
 *     punctuator
 * @param chunkOut the chunk record forwarded → the consumer received it: the producer and a trip
 *     through the broker, and under exactly-once the wait for the transaction's commit
 */
public record TtftStages(LatencySummary requestIn, LatencySummary connector, LatencySummary drain,
    LatencySummary chunkOut) {}
