package dev.chatstream.pipeline.internals.inbound;

import dev.chatstream.llm.chat.ChatItem;
import dev.chatstream.pipeline.internals.generation.ReplyRequest;

/** A validated input event: what the conversation processor is asked to do. */
public sealed interface Command {

  /** Add an item to the context. */
  record AppendItem(ChatItem item) implements Command {}

  /** Generate a reply; {@code encoded} is the request as it arrived, kept in the generations store. */
  record RequestReply(ReplyRequest request, byte[] encoded) implements Command {}

  /** Cancel the running generation (request id null) or the request with this id. */
  record Cancel(String requestId) implements Command {}

  /** Truncate the context to at most {@code maxItems} items. */
  record Truncate(int maxItems) implements Command {}

  /** Delete every item, request and the header of the conversation. */
  record Delete() implements Command {}
}
