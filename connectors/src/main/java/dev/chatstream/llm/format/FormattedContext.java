package dev.chatstream.llm.format;

import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.List;
import java.util.Objects;

/**
 * A chat context converted to a provider's request shape.
 *
 * <p>The node tree belongs to the caller, who typically puts it into a request body as is.
 *
 * @param messages the conversation in the provider's shape: Chat Completions {@code messages},
 *     Responses {@code input}, Anthropic or Bedrock {@code messages}, Gemini {@code contents} or
 *     Mistral {@code inputs}
 * @param systemMessages the system prompt texts for anthropic, google and aws, which send them apart
 *     from the messages; empty for the formats that keep instructions inline
 * @param instructions the Mistral {@code instructions} (the last system or developer text), or null
 */
public record FormattedContext(ArrayNode messages, List<String> systemMessages, String instructions) {

  /** @throws NullPointerException when messages or systemMessages is null */
  public FormattedContext {
    Objects.requireNonNull(messages, "messages must not be null");
    systemMessages = List.copyOf(systemMessages);
  }

  /** A context with inline instructions only: no system messages apart, no Mistral instructions. */
  static FormattedContext inline(ArrayNode messages) {
    return new FormattedContext(messages, List.of(), null);
  }
}
