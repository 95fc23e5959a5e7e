package dev.chatstream.bench;

/**
 * Phase 3: how fast the pipeline takes in conversation items and puts out chunk events.
 *
 * @param items conversation items loaded into state
 * @param conversations conversations they were spread over
 * @param itemsPerSecond items processed per second, from the first processed to the last
 * @param chunkTokens tokens per reply in the chunk measurement (the server sends them without pause)
 * @param chunkInflight generations in flight in the chunk measurement
 * @param chunkTokensPerSecond tokens the pipeline's chunk events carried per second (completed replies
 *     times their tokens): a chunk event carries every token of its generation that arrived since the
 *     last drain, so under load one event holds several
 * @param chunksPerSecond chunk events the pipeline produced per second
 * @param connectorChunksPerSecond chunks per second the connector alone received from the same
 *     server with as many generations in flight: what the machine allows before Kafka is involved
 * @param itemsResources what the item measurement used of the machine
 * @param chunksResources what the chunk measurement used of the machine
 */
public record IngestResult(
    int items,
    int conversations,
    double itemsPerSecond,
    int chunkTokens,
    int chunkInflight,
    double chunkTokensPerSecond,
    double chunksPerSecond,
    double connectorChunksPerSecond,
    ResourceUse itemsResources,
    ResourceUse chunksResources) {}
