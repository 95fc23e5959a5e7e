package dev.chatstream.llm.format;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chatstream.llm.chat.ChatContent;
import dev.chatstream.llm.chat.ChatItem;
import dev.chatstream.llm.chat.ChatMessage;
import dev.chatstream.llm.chat.FunctionCall;
import dev.chatstream.llm.chat.FunctionCallOutput;
import dev.chatstream.llm.chat.TextContent;
import java.util.ArrayList;
import java.util.List;

/**
 * The shape shared by anthropic, aws and google: a system prompt apart from turns
 * {@code {"role": r, <partsField>: [...]}}, where consecutive items of the same role merge into one
 * turn.
 *
 * <p>Later instructions become user messages first ({@link MidConversationInstructions}), then items
 * are grouped ({@link ItemGrouping}); the one remaining system or developer message gives the system
 * prompt (its non-empty text parts). An item that yields no parts neither opens a turn nor splits one.
 */
final class MergedConversation {

  /** How one format writes roles and parts. */
  interface Parts {
    /** The turn role of a message that is not an instruction, a call or an output. */
    String role(ChatItem item);

    /** The parts of a message; empty when it has nothing to send. */
    List<ObjectNode> message(ChatMessage message);

    /** The part of a function call. */
    ObjectNode call(FunctionCall call);

    /** The part of a function call output. */
    ObjectNode output(FunctionCallOutput output);
  }

  private final String partsField;
  private final ArrayNode turns = JsonNodeFactory.instance.arrayNode();
  private final List<String> systemMessages = new ArrayList<>();
  private ArrayNode currentParts;
  private String currentRole;

  private MergedConversation(String partsField) {
    this.partsField = partsField;
  }

  /** Converts {@code items}, putting each turn's parts under {@code partsField}. */
  static MergedConversation build(List<ChatItem> items, String partsField, Parts parts) {
    MergedConversation conversation = new MergedConversation(partsField);
    for (ItemGroup group : ItemGrouping.group(MidConversationInstructions.asUserMessages(items))) {
      for (ChatItem item : group.items()) {
        switch (item) {
          case ChatMessage message when message.role().isInstruction() ->
              conversation.systemMessages.addAll(nonEmptyTexts(message));
          case ChatMessage message -> conversation.add(parts.role(item), parts.message(message));
          case FunctionCall call -> conversation.add(parts.role(item), List.of(parts.call(call)));
          case FunctionCallOutput output -> conversation.add(parts.role(item), List.of(parts.output(output)));
        }
      }
    }
    return conversation;
  }

  private void add(String role, List<ObjectNode> parts) {
    if (parts.isEmpty()) {
      return;
    }
    if (!role.equals(currentRole)) {
      currentParts = turns.addObject().put("role", role).putArray(partsField);
      currentRole = role;
    }
    currentParts.addAll(parts);
  }

  private static List<String> nonEmptyTexts(ChatMessage message) {
    List<String> texts = new ArrayList<>();
    for (ChatContent part : message.content()) {
      if (part instanceof TextContent(String text) && !text.isEmpty()) {
        texts.add(text);
      }
    }
    return texts;
  }

  /** The turns. */
  ArrayNode turns() {
    return turns;
  }

  /** The system prompt texts. */
  List<String> systemMessages() {
    return systemMessages;
  }

  /** True when there is no turn or the first one is not from {@code role}. */
  boolean firstRoleIsNot(String role) {
    return turns.isEmpty() || !role.equals(turns.get(0).get("role").asText());
  }

  /** True when there is no turn or the last one is not from {@code role}. */
  boolean lastRoleIsNot(String role) {
    return turns.isEmpty() || !role.equals(turns.get(turns.size() - 1).get("role").asText());
  }

  /** Inserts the one-part turn {@code {"role": role, <partsField>: [part]}} at {@code index}. */
  void insertTurn(int index, String role, ObjectNode part) {
    ObjectNode turn = JsonNodeFactory.instance.objectNode().put("role", role);
    turn.putArray(partsField).add(part);
    turns.insert(index, turn);
  }

  /** Renames every turn of role {@code from} to {@code to}, without merging. */
  void renameRole(String from, String to) {
    for (int i = 0; i < turns.size(); i++) {
      if (from.equals(turns.get(i).get("role").asText())) {
        ((ObjectNode) turns.get(i)).put("role", to);
      }
    }
  }

  /** The result, with the system prompt apart. */
  FormattedContext toFormattedContext() {
    return new FormattedContext(turns, systemMessages, null);
  }
}
