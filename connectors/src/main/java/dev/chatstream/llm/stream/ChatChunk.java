package dev.chatstream.llm.stream;

import java.util.Objects;

/**
 * One streamed piece of a reply: a delta, usage, or both.
 *
 * @param id the provider's id for the completion this chunk belongs to
 * @param delta what this chunk adds, or null
 * @param usage token counts, or null
 */
public record ChatChunk(String id, ChoiceDelta delta, CompletionUsage usage) {

  /** @throws NullPointerException when id is null */
  public ChatChunk {
    Objects.requireNonNull(id, "chunk id must not be null");
  }

  /** True when the delta has content or tool calls: a response was delivered. */
  public boolean hasResponse() {
    return delta != null && delta.hasResponse();
  }
}
