package dev.chatstream.llm.internal.stream;

import dev.chatstream.llm.stream.FunctionToolCall;
import java.util.HashMap;
import java.util.Map;

/**
 * Tool calls streamed as content blocks (Anthropic, Bedrock Converse): a block start names the call,
 * input deltas append to its arguments, and the block's stop completes it. Arguments that never
 * arrived are {@code {}}. One instance per attempt.
 */
public final class IndexedToolCalls {

  private final Map<Integer, Pending> open = new HashMap<>();

  /** Opens the call of block {@code index}. */
  public void start(int index, String callId, String name) {
    open.put(index, new Pending(callId, name));
  }

  /** Appends an arguments fragment to the call of block {@code index}; ignored when that block is no call. */
  public void append(int index, String fragment) {
    Pending pending = open.get(index);
    if (pending != null && fragment != null) {
      pending.arguments.append(fragment);
    }
  }

  /** The call of block {@code index}, complete, or null when that block was no call. */
  public FunctionToolCall complete(int index) {
    Pending pending = open.remove(index);
    if (pending == null) {
      return null;
    }
    String arguments = pending.arguments.isEmpty() ? "{}" : pending.arguments.toString();
    return FunctionToolCall.of(pending.name, arguments, pending.callId);
  }

  private static final class Pending {
    final String callId;
    final String name;
    final StringBuilder arguments = new StringBuilder();

    Pending(String callId, String name) {
      this.callId = callId;
      this.name = name;
    }
  }
}
