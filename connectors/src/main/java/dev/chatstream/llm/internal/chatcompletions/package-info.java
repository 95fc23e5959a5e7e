/**
 * Internal: the Chat Completions protocol, spoken by the OpenAI, Azure OpenAI and LiveKit Inference
 * connectors alike; its stream parser reads Mistral's streams too. Start at {@link dev.chatstream.llm.internal.chatcompletions.ChatCompletionsEngine}:
 * a {@link dev.chatstream.llm.internal.chatcompletions.ChatEndpoint} says where and with which
 * credentials, {@code ChatCompletionsBody} builds the request with the model family's rules, and
 * {@link dev.chatstream.llm.internal.chatcompletions.ChatCompletionsParser} is where an SSE event
 * becomes a {@link dev.chatstream.llm.stream.ChatChunk}. Not public API.
 */
package dev.chatstream.llm.internal.chatcompletions;
