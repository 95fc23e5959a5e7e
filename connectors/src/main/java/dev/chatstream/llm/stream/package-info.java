/**
 * What a generation streams back: {@link dev.chatstream.llm.stream.ChatChunk}s carrying a
 * {@link dev.chatstream.llm.stream.ChoiceDelta} (text and complete tool calls) or a
 * {@link dev.chatstream.llm.stream.CompletionUsage}, and the filter that keeps thinking tokens out of
 * the text ({@link dev.chatstream.llm.stream.ThinkingTokenFilter}).
 */
package dev.chatstream.llm.stream;
