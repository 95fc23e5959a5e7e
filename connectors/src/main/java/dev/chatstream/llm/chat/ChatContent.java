package dev.chatstream.llm.chat;

/** One part of a {@link ChatMessage}'s content: text, an image, or audio. */
public sealed interface ChatContent permits TextContent, ImageContent, AudioContent {}
