/**
 * Batch reprocessing: {@code chatstream reprocess}. Start at
 * {@link dev.chatstream.pipeline.reprocess.ReprocessJob}: a {@link dev.chatstream.pipeline.reprocess.Selection}
 * picks recorded requests, {@link dev.chatstream.pipeline.reprocess.ReprocessOptions} say what to run
 * them on and where the results go, {@link dev.chatstream.pipeline.reprocess.Pacing} how fast, and the
 * run returns a {@link dev.chatstream.pipeline.reprocess.ReprocessSummary}. The machinery is in
 * {@code internals.reprocess}.
 */
package dev.chatstream.pipeline.reprocess;
