package dev.chatstream.pipeline.testing;

import dev.chatstream.events.ChatChunk;
import dev.chatstream.events.ReplyCompleted;
import dev.chatstream.events.item.ChatMessage;
import dev.chatstream.events.item.TextContent;
import java.util.List;
import java.util.stream.Collectors;

/** The text output events carry, read the way a consumer reads it. */
public final class EventText {
  private EventText() {}

  /** A message's text parts joined with a newline, or null when it has none. */
  public static String of(ChatMessage message) {
    if (message == null) {
      return null;
    }
    List<String> parts = message.getContent().stream()
        .filter(TextContent.class::isInstance)
        .map(part -> ((TextContent) part).getText())
        .toList();
    return parts.isEmpty() ? null : String.join("\n", parts);
  }

  /** The text of a reply's message, or null when it has none. */
  public static String of(ReplyCompleted reply) {
    return of(reply.getMessage());
  }

  /** The content of the chunks, concatenated in the order given. */
  public static String of(List<ChatChunk> chunks) {
    return chunks.stream()
        .filter(chunk -> chunk.getDelta() != null && chunk.getDelta().getContent() != null)
        .map(chunk -> chunk.getDelta().getContent())
        .collect(Collectors.joining());
  }
}
