package dev.chatstream.llm.internal.chatcompletions;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chatstream.llm.stream.FunctionToolCall;
import java.util.Map;
import java.util.UUID;

/**
 * Assembles streamed tool-call fragments by {@code index}: a fragment with a name starts a call,
 * argument-only fragments append to it, and a fragment that opens another call (an id with a new index
 * or a new id) completes the pending one. The caller flushes the last call on the finish reason.
 */
final class ToolCallAssembler {

  private Pending pending;

  /**
   * Takes one element of {@code delta.tool_calls}.
   *
   * @return the call this fragment completed, or null
   */
  FunctionToolCall accept(JsonNode fragment, Map<String, Object> extra) {
    JsonNode function = fragment.get("function");
    if (function == null || !function.isObject()) {
      return null;
    }
    int index = fragment.path("index").asInt(0);
    String id = text(fragment.get("id"));
    String name = text(function.get("name"));
    String arguments = text(function.get("arguments"));
    FunctionToolCall completed = null;
    if (pending != null && (id != null || name != null) && pending.isOtherCall(index, id)) {
      completed = flush();
    }
    if (name != null) {
      pending = new Pending(index, id != null ? id : generatedId(), name, extra);
      pending.arguments.append(arguments == null ? "" : arguments);
    } else if (arguments != null && pending != null) {
      pending.arguments.append(arguments);
    }
    return completed;
  }

  /** The pending call, completed; null when there is none. */
  FunctionToolCall flush() {
    if (pending == null) {
      return null;
    }
    FunctionToolCall call =
        new FunctionToolCall(pending.name, pending.arguments.toString(), pending.callId, pending.extra);
    pending = null;
    return call;
  }

  private static String text(JsonNode node) {
    return node != null && node.isTextual() && !node.asText().isEmpty() ? node.asText() : null;
  }

  private static String generatedId() {
    return "call_" + UUID.randomUUID().toString().replace("-", "").substring(0, 24);
  }

  private static final class Pending {
    final int index;
    final String callId;
    final String name;
    final Map<String, Object> extra;
    final StringBuilder arguments = new StringBuilder();

    Pending(int index, String callId, String name, Map<String, Object> extra) {
      this.index = index;
      this.callId = callId;
      this.name = name;
      this.extra = extra;
    }

    boolean isOtherCall(int otherIndex, String otherId) {
      return otherIndex != index || (otherId != null && !otherId.equals(callId));
    }
  }
}
