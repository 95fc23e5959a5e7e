package dev.chatstream.pipeline.internals.reprocess;

import dev.chatstream.llm.chat.ChatContext;
import dev.chatstream.llm.chat.ChatItem;
import dev.chatstream.llm.chat.ChatMessage;
import dev.chatstream.llm.chat.ChatRole;
import dev.chatstream.llm.chat.TextContent;
import dev.chatstream.pipeline.internals.generation.ReplyRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a run changes in the recorded requests: another LLM profile, another model, another first
 * instruction. Anything left null keeps what the recorded request had.
 *
 * @param llm the profile every request runs on, or null for each request's own
 * @param model the model every request asks for, or null for each request's own
 * @param system the text of the conversation's first instruction (its first system or developer
 *     message; a system message at the start when it has none), or null to keep it
 */
public record ReplayOverrides(String llm, String model, String system) {

  /** Changes nothing. */
  public static final ReplayOverrides NONE = new ReplayOverrides(null, null, null);

  /** The recorded request with the profile and model overridden. */
  ReplyRequest apply(ReplyRequest request) {
    if (llm == null && model == null) {
      return request;
    }
    return new ReplyRequest(request.requestId(), llm != null ? llm : request.llm(),
        model != null ? model : request.model(), request.options(), request.tools(), request.toolChoice(),
        request.parallelToolCalls(), request.connectOptions(), request.transform(), request.autoToolReply(),
        request.maxToolSteps(), false, request.metadata());
  }

  /** The context with its first instruction replaced. */
  ChatContext apply(ChatContext context) {
    if (system == null) {
      return context;
    }
    List<ChatItem> items = new ArrayList<>(context.items());
    for (int i = 0; i < items.size(); i++) {
      if (items.get(i) instanceof ChatMessage message && message.role().isInstruction()) {
        items.set(i, new ChatMessage(message.id(), message.role(), List.of(new TextContent(system)),
            false, null, message.extra(), message.createdAt()));
        return ChatContext.of(items);
      }
    }
    double createdAt = items.isEmpty() ? 0 : items.getFirst().createdAt();
    items.addFirst(new ChatMessage("item_reprocess_system", ChatRole.SYSTEM, List.of(new TextContent(system)), false,
        null, Map.of(), createdAt));
    return ChatContext.of(items);
  }
}
