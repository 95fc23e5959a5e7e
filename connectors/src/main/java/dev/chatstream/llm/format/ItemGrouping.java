package dev.chatstream.llm.format;

import dev.chatstream.llm.chat.ChatItem;
import dev.chatstream.llm.chat.ChatMessage;
import dev.chatstream.llm.chat.ChatRole;
import dev.chatstream.llm.chat.FunctionCall;
import dev.chatstream.llm.chat.FunctionCallOutput;
import dev.chatstream.llm.chat.ItemIds;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Groups the items of a context the way every provider format sends them.
 *
 * <p>Assistant messages and function calls are grouped by the call's {@code group_id}, else by id up
 * to the first {@code /} (a reply {@code M} and its calls {@code M/fnc_i}); every other message is a
 * group of its own; groups keep the order in which they were first seen. Each output joins the group
 * holding its call; an output with no such call is dropped with a warning. A group whose calls and
 * outputs don't pair up keeps only the call ids present on both sides.
 */
final class ItemGrouping {
  private static final Logger LOG = LoggerFactory.getLogger(ItemGrouping.class);

  private ItemGrouping() {}

  /**
   * The groups of {@code items}, in first-seen order.
   *
   * @throws ProviderFormatException when two assistant messages fall in the same group
   */
  static List<ItemGroup> group(List<ChatItem> items) {
    List<Builder> groups = new ArrayList<>();
    Map<String, Builder> replies = new HashMap<>();
    List<FunctionCallOutput> outputs = new ArrayList<>();
    for (ChatItem item : items) {
      switch (item) {
        case ChatMessage message when message.role() == ChatRole.ASSISTANT ->
            reply(ItemIds.groupOf(message.id()), replies, groups).setMessage(message);
        case ChatMessage message -> groups.add(new Builder(message.id()).setMessage(message));
        case FunctionCall call -> reply(call.group(), replies, groups).calls.add(call);
        case FunctionCallOutput output -> outputs.add(output);
      }
    }
    attachOutputs(outputs, groups);
    return groups.stream().map(Builder::build).toList();
  }

  private static Builder reply(String key, Map<String, Builder> replies, List<Builder> groups) {
    return replies.computeIfAbsent(key, k -> {
      Builder group = new Builder(k);
      groups.add(group);
      return group;
    });
  }

  private static void attachOutputs(List<FunctionCallOutput> outputs, List<Builder> groups) {
    Map<String, Builder> byCallId = new HashMap<>();
    for (Builder group : groups) {
      for (FunctionCall call : group.calls) {
        byCallId.putIfAbsent(call.callId(), group);
      }
    }
    for (FunctionCallOutput output : outputs) {
      Builder group = byCallId.get(output.callId());
      if (group == null) {
        LOG.warn("dropping function output {} (call_id {}, function '{}'): no function call with that call_id",
            output.id(), output.callId(), output.name());
      } else {
        group.outputs.add(output);
      }
    }
  }

  private static final class Builder {
    private final String key;
    private ChatMessage message;
    private final List<FunctionCall> calls = new ArrayList<>();
    private final List<FunctionCallOutput> outputs = new ArrayList<>();

    Builder(String key) {
      this.key = key;
    }

    Builder setMessage(ChatMessage value) {
      if (message != null) {
        throw new ProviderFormatException("assistant messages " + message.id() + " and " + value.id()
            + " fall in the same group '" + key + "'; a group holds one message");
      }
      message = value;
      return this;
    }

    ItemGroup build() {
      Set<String> callIds = new LinkedHashSet<>();
      calls.forEach(call -> callIds.add(call.callId()));
      Set<String> outputIds = new LinkedHashSet<>();
      outputs.forEach(output -> outputIds.add(output.callId()));
      if (callIds.equals(outputIds)) {
        return new ItemGroup(message, calls, outputs);
      }
      callIds.retainAll(outputIds);
      LOG.debug("group '{}': sending only the call ids answered by an output: {}", key, callIds);
      return new ItemGroup(
          message,
          calls.stream().filter(call -> callIds.contains(call.callId())).toList(),
          outputs.stream().filter(output -> callIds.contains(output.callId())).toList());
    }
  }
}
