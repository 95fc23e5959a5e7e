/**
 * The ChatContext model, with LiveKit's operations and names. Start at
 * {@link dev.chatstream.llm.chat.ChatContext} (add, insert by time, copy with filters, truncate,
 * merge, equivalence, {@code to_dict}/{@code from_dict}); its items are
 * {@link dev.chatstream.llm.chat.ChatMessage}, {@link dev.chatstream.llm.chat.FunctionCall} and
 * {@link dev.chatstream.llm.chat.FunctionCallOutput}, a message's content text, image and audio parts.
 */
package dev.chatstream.llm.chat;
