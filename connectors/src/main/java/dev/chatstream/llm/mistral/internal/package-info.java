/**
 * Internal: the Mistral chat completions wire. {@link dev.chatstream.llm.mistral.internal.MistralBody}
 * builds the request from the {@code mistralai} format ({@code MistralMessages}, with Mistral's
 * nine-character tool-call ids from {@code MistralToolCallIds}); the stream is read by the shared
 * {@link dev.chatstream.llm.internal.chatcompletions.ChatCompletionsParser};
 * {@link dev.chatstream.llm.mistral.internal.MistralErrors} reads Mistral's error bodies. Not public API.
 */
package dev.chatstream.llm.mistral.internal;
