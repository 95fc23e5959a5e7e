/**
 * What a provider keeps of a conversation on its own servers between requests, and that the caller
 * stores for it: a connector has no storage of its own, so the state travels in the request
 * ({@link dev.chatstream.llm.LlmRequest#providerState()}) and comes back through
 * {@link dev.chatstream.llm.LlmStreamListener#onProviderState}. Start at
 * {@link dev.chatstream.llm.state.ProviderState}; its two forms are the OpenAI Responses API's
 * {@link dev.chatstream.llm.state.ResponseChain} ({@code previous_response_id}) and
 * {@link dev.chatstream.llm.state.ProviderConversation} (a server-side conversation).
 */
package dev.chatstream.llm.state;
