package dev.chatstream.pipeline.internals.state;

import dev.chatstream.llm.chat.ChatItem;

/** How conversation items are stored: one encoded value per item. */
public interface ItemCodec {

  /** The stored form of {@code item}. */
  byte[] encode(ChatItem item);

  /** The item stored as {@code bytes}. */
  ChatItem decode(byte[] bytes);
}
