package dev.chatstream.pipeline.internals.state;

/**
 * Per-conversation bounds on the state: an item that would cross one is refused with a clear error,
 * never dropped silently.
 *
 * @param maxItems most items a context may hold
 * @param maxBytes most encoded bytes a context may hold
 */
public record ConversationLimits(int maxItems, long maxBytes) {

  /** @throws IllegalArgumentException when a bound is not positive */
  public ConversationLimits {
    if (maxItems <= 0 || maxBytes <= 0) {
      throw new IllegalArgumentException("conversation limits must be > 0, were items=" + maxItems + " bytes=" + maxBytes);
    }
  }
}
