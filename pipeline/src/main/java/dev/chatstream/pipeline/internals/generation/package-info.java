/**
 * Internal: the generation lifecycle, between the stream thread and the connectors. Start at
 * {@link dev.chatstream.pipeline.internals.generation.GenerationLifecycle}: a {@code generate_reply} is
 * queued in the generations store, started by {@code GenerationStarts} when it is its conversation's
 * turn and a permit of the {@link dev.chatstream.pipeline.internals.generation.InflightLimiter} is free
 * (the {@link dev.chatstream.pipeline.internals.generation.GenerationRunner} calls the provider, which
 * returns at once), and the provider's events come back through the
 * {@link dev.chatstream.pipeline.internals.generation.ProviderEventQueue}, drained on the stream thread
 * into the {@link dev.chatstream.pipeline.internals.generation.OutputSink}. {@code ReplyCompletion}
 * stores a finished reply; {@code ToolLoops} runs {@code auto_tool_reply}.
 */
package dev.chatstream.pipeline.internals.generation;
