/**
 * Internal: the Gemini wire. {@link dev.chatstream.llm.google.internal.GeminiEndpoint} says where a
 * request goes (Gemini API or Vertex AI) and how it is authorized,
 * {@link dev.chatstream.llm.google.internal.GeminiBody} builds it,
 * {@link dev.chatstream.llm.google.internal.GeminiStreamParser} is where a
 * {@code GenerateContentResponse} becomes chunks, and
 * {@link dev.chatstream.llm.google.internal.GeminiErrors} is the error table. Not public API.
 */
package dev.chatstream.llm.google.internal;
