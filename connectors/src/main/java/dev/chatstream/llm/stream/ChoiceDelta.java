package dev.chatstream.llm.stream;

import dev.chatstream.llm.chat.ChatRole;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one chunk adds to the reply.
 *
 * @param role the speaker, usually {@code assistant}, or null
 * @param content text to append, or null
 * @param toolCalls complete tool calls carried by this chunk
 * @param extra provider-specific data
 */
public record ChoiceDelta(
    ChatRole role, String content, List<FunctionToolCall> toolCalls, Map<String, Object> extra) {

  /** Copies the lists and maps. */
  public ChoiceDelta {
    toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
    extra = extra == null || extra.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(extra));
  }

  /** An assistant delta with text only. */
  public static ChoiceDelta text(String content) {
    return new ChoiceDelta(ChatRole.ASSISTANT, content, List.of(), Map.of());
  }

  /** An assistant delta with tool calls only. */
  public static ChoiceDelta toolCalls(List<FunctionToolCall> calls) {
    return new ChoiceDelta(ChatRole.ASSISTANT, null, calls, Map.of());
  }

  /** True when the delta carries text or tool calls. */
  public boolean hasResponse() {
    return (content != null && !content.isEmpty()) || !toolCalls.isEmpty();
  }
}
