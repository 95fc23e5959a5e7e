package dev.chatstream.llm.chat;

/**
 * One entry of a {@link ChatContext}: a message, a function call, or a function call's output.
 *
 * <p>Items are immutable values. Every item has a unique {@link #id()} and a creation time in seconds
 * since the epoch ({@link #createdAt()}), which orders items inserted by time.
 */
public sealed interface ChatItem permits ChatMessage, FunctionCall, FunctionCallOutput {

  /** The item's id, unique within a context. */
  String id();

  /** Creation time in seconds since the epoch (fractional). */
  double createdAt();

  /** The item's kind, as named on the wire ({@code message}, {@code function_call}, ...). */
  ItemType type();
}
