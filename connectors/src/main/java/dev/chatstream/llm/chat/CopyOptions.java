package dev.chatstream.llm.chat;

import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Which items {@link ChatContext#copy(CopyOptions)} and {@link ChatContext#merge(ChatContext,
 * CopyOptions)} take over. Immutable: every {@code exclude...}/{@code with...} method returns a new
 * value.
 *
 * <pre>{@code
 * ChatContext forModel = context.copy(CopyOptions.all().excludeInstructions().withTools("get_weather"));
 * }</pre>
 */
public final class CopyOptions {
  private static final CopyOptions ALL = new CopyOptions(false, false, false, null);

  private final boolean excludeFunctionCalls;
  private final boolean excludeInstructions;
  private final boolean excludeEmptyMessages;
  private final Set<String> tools;

  private CopyOptions(
      boolean excludeFunctionCalls,
      boolean excludeInstructions,
      boolean excludeEmptyMessages,
      Set<String> tools) {
    this.excludeFunctionCalls = excludeFunctionCalls;
    this.excludeInstructions = excludeInstructions;
    this.excludeEmptyMessages = excludeEmptyMessages;
    this.tools = tools;
  }

  /** Keeps every item. */
  public static CopyOptions all() {
    return ALL;
  }

  /** Also drops function calls and function call outputs. */
  public CopyOptions excludeFunctionCalls() {
    return new CopyOptions(true, excludeInstructions, excludeEmptyMessages, tools);
  }

  /** Also drops instruction messages ({@code system} and {@code developer}). */
  public CopyOptions excludeInstructions() {
    return new CopyOptions(excludeFunctionCalls, true, excludeEmptyMessages, tools);
  }

  /** Also drops messages whose content has no parts. */
  public CopyOptions excludeEmptyMessages() {
    return new CopyOptions(excludeFunctionCalls, excludeInstructions, true, tools);
  }

  /**
   * Keeps only the function calls and outputs of these tools; calls and outputs of any other name are
   * dropped. An empty list drops them all. Replaces names given before.
   *
   * @throws NullPointerException when {@code names} or a name is null
   */
  public CopyOptions withTools(Collection<String> names) {
    Set<String> kept = Set.copyOf(names);
    return new CopyOptions(excludeFunctionCalls, excludeInstructions, excludeEmptyMessages, kept);
  }

  /** Same as {@link #withTools(Collection)}. */
  public CopyOptions withTools(String... names) {
    return withTools(List.of(names));
  }

  /** True when {@code item} passes these options. */
  public boolean keeps(ChatItem item) {
    return switch (item) {
      case ChatMessage message -> keepsMessage(message);
      case FunctionCall call -> keepsFunction(call.name());
      case FunctionCallOutput output -> keepsFunction(output.name());
    };
  }

  private boolean keepsMessage(ChatMessage message) {
    if (excludeInstructions && message.role().isInstruction()) {
      return false;
    }
    return !(excludeEmptyMessages && message.content().isEmpty());
  }

  private boolean keepsFunction(String name) {
    return !excludeFunctionCalls && (tools == null || tools.contains(name));
  }

  @Override
  public String toString() {
    return "CopyOptions[excludeFunctionCalls=" + excludeFunctionCalls + ", excludeInstructions="
        + excludeInstructions + ", excludeEmptyMessages=" + excludeEmptyMessages + ", tools="
        + (tools == null ? "any" : tools) + "]";
  }
}
