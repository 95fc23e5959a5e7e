/**
 * The Mistral chat completions connector. Start at {@link dev.chatstream.llm.mistral.MistralProvider};
 * {@link dev.chatstream.llm.mistral.MistralOptions} says how to reach the API.
 */
package dev.chatstream.llm.mistral;
