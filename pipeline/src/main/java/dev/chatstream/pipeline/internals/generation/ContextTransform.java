package dev.chatstream.pipeline.internals.generation;

import java.util.List;

/**
 * What a request does to the context before it is sent: filters like {@code ChatContext.copy} and
 * an optional truncation. The stored context is not changed.
 *
 * @param truncateTo keep at most this many items (first instruction kept), or null for all
 * @param excludeFunctionCalls drop function calls and their outputs
 * @param excludeInstructions drop system and developer messages
 * @param excludeEmptyMessages drop messages without content
 * @param tools keep only calls and outputs of these tools, or null for all
 */
public record ContextTransform(
    Integer truncateTo,
    boolean excludeFunctionCalls,
    boolean excludeInstructions,
    boolean excludeEmptyMessages,
    List<String> tools) {

  /** The transform that sends the context as it is. */
  public static final ContextTransform NONE = new ContextTransform(null, false, false, false, null);

  /** Copies the tool list. */
  public ContextTransform {
    if (truncateTo != null && truncateTo <= 0) {
      throw new IllegalArgumentException("context truncate_to must be > 0, was " + truncateTo);
    }
    tools = tools == null ? null : List.copyOf(tools);
  }
}
