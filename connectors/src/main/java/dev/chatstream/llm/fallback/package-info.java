/**
 * The fallback adapter: one {@link dev.chatstream.llm.LlmProvider} over several, moving to the next
 * member when one fails and probing failed members in the background. Start at
 * {@link dev.chatstream.llm.fallback.FallbackAdapter}.
 */
package dev.chatstream.llm.fallback;
