/**
 * The OpenAI connectors, for OpenAI, OpenAI-compatible servers and Azure OpenAI: Chat Completions
 * ({@link dev.chatstream.llm.openai.OpenAiChatProvider}) and the Responses API
 * ({@link dev.chatstream.llm.openai.OpenAiResponsesProvider}, over a WebSocket or HTTP, with
 * {@code previous_response_id} chaining or provider-side conversations). Start at either provider
 * and its options record.
 */
package dev.chatstream.llm.openai;
