/**
 * The LLM layer's public face: a provider streams one generation at a time. Start at
 * {@link dev.chatstream.llm.LlmProvider}: {@code chat(LlmRequest, LlmStreamListener)} returns an
 * {@link dev.chatstream.llm.LlmStream} at once, chunks and retries arrive on the listener, then exactly
 * one {@code onComplete} (with {@link dev.chatstream.llm.LlmMetrics}) or {@code onError} (with an
 * {@link dev.chatstream.llm.LlmError}). {@link dev.chatstream.llm.ConnectOptions} say how hard to try;
 * the {@code Api*Exception}s are the error taxonomy. No Kafka anywhere in this module.
 */
package dev.chatstream.llm;
