/**
 * The Anthropic Messages connector. Start at {@link dev.chatstream.llm.anthropic.AnthropicProvider};
 * {@link dev.chatstream.llm.anthropic.AnthropicOptions} says how to reach the API.
 */
package dev.chatstream.llm.anthropic;
