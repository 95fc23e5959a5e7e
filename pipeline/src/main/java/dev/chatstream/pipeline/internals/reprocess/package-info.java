/**
 * Internal: how a reprocessing run works. Start at
 * {@link dev.chatstream.pipeline.internals.reprocess.ReprocessRun}: the {@code RunManifest} fixes the
 * run's bounds, the {@link dev.chatstream.pipeline.internals.reprocess.LogSurvey} reads the live topics
 * into a {@link dev.chatstream.pipeline.internals.reprocess.ReplayPlan}, the
 * {@link dev.chatstream.pipeline.internals.reprocess.ReplayProcessor} (a Kafka Streams application of the
 * run's own) rebuilds contexts and drives the
 * {@link dev.chatstream.pipeline.internals.reprocess.ReplayLifecycle}, paced by the
 * {@link dev.chatstream.pipeline.internals.reprocess.Pacer}, and {@code ResultsTail} reads the results
 * back into the {@code --out} file and the summary.
 */
package dev.chatstream.pipeline.internals.reprocess;
