package dev.chatstream.llm.chat;

import java.util.Objects;

/** A text part of a message. */
public record TextContent(String text) implements ChatContent {

  /** @throws NullPointerException when {@code text} is null */
  public TextContent {
    Objects.requireNonNull(text, "text content must not be null");
  }
}
