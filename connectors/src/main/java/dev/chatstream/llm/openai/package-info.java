/**
 * The OpenAI Chat Completions connector, for OpenAI, OpenAI-compatible servers and Azure OpenAI.
 * Start at {@link dev.chatstream.llm.openai.OpenAiChatProvider}.
 */
package dev.chatstream.llm.openai;
