/**
 * Internal: the Anthropic Messages wire. {@link dev.chatstream.llm.anthropic.internal.AnthropicBody}
 * builds the request, {@link dev.chatstream.llm.anthropic.internal.AnthropicStreamParser} is where a
 * Messages event becomes a chunk, and {@link dev.chatstream.llm.anthropic.internal.AnthropicErrors} is
 * the error table. Not public API.
 */
package dev.chatstream.llm.anthropic.internal;
