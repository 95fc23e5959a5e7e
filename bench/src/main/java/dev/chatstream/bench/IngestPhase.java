package dev.chatstream.bench;

import java.time.Duration;

/**
 * Phase 3: ingest. Conversation items into state per second ({@link ItemIngest}), then chunk events
 * produced per second with a server that sends long replies without pause ({@link ChunkThroughput}),
 * each with what it used of the machine.
 */
final class IngestPhase {
  private static final int ITEMS_PER_CONVERSATION = 200;

  private final BenchEnvironment environment;
  private final BenchSettings settings;
  private final Progress progress;

  IngestPhase(BenchEnvironment environment, BenchSettings settings, Progress progress) {
    this.environment = environment;
    this.settings = settings;
    this.progress = progress;
  }

  IngestResult run() {
    int items = settings.ingestItems();
    int conversations = Math.max(1, items / ITEMS_PER_CONVERSATION);
    ResourceProbe itemsResources = ResourceProbe.start();
    double itemsPerSecond = new ItemIngest(environment, settings.mainGuarantee(), progress).rate(items, conversations);
    ResourceUse itemsUse = itemsResources.stop();
    environment.server().behave(ServerBehaviour.of(0, 0, settings.chunkTokens(), 0));
    ChunkThroughput chunks = new ChunkThroughput(environment, settings, progress);
    double connector = chunks.connectorAlone();
    environment.server().awaitIdle(Duration.ofSeconds(30));
    ResourceProbe chunksResources = ResourceProbe.start();
    ChunkThroughput.Rates pipeline = chunks.pipeline();
    return new IngestResult(items, conversations, itemsPerSecond, settings.chunkTokens(), settings.chunkInflight(),
        pipeline.tokensPerSecond(), pipeline.recordsPerSecond(), connector, itemsUse, chunksResources.stop());
  }
}
