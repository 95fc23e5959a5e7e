package dev.chatstream.llm.internal.responses.conversations;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chatstream.llm.ApiStatusException;
import dev.chatstream.llm.chat.ItemIds;
import dev.chatstream.llm.format.FormattedItem;
import dev.chatstream.llm.internal.json.Json;
import dev.chatstream.llm.internal.retry.AttemptContext;
import dev.chatstream.llm.state.ProviderConversation;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a provider conversation in step with the caller's context, the way the Assistants plugin
 * kept a thread: items removed from the context are deleted from the conversation, new ones are
 * added in order, and each item goes up once (so a tool output is submitted once per call). An item
 * that appears before items the conversation already holds (inserted by time, or a call formatted
 * only now that its output arrived) cannot be inserted in place: the synced items after it are
 * deleted and added again after it. What the provider holds is tracked as the calls succeed, so a
 * failure part way leaves a true state for the next attempt. One instance per generation.
 */
public final class ConversationSync {

  private static final Logger LOG = LoggerFactory.getLogger(ConversationSync.class);

  private final String endpoint;
  private final ConversationsClient client;
  private String conversationId;
  private final Map<String, List<String>> items = new LinkedHashMap<>();
  private boolean changed;

  /**
   * @param stored the conversation as the caller stored it, or null
   * @param endpoint the identity of the endpoint this connector talks to; a conversation of another
   *     endpoint is not used
   */
  public ConversationSync(ProviderConversation stored, String endpoint, ConversationsClient client) {
    this.endpoint = endpoint;
    this.client = client;
    if (stored != null && stored.endpoint().equals(endpoint)) {
      conversationId = stored.conversationId();
      items.putAll(stored.items());
    }
  }

  /**
   * Brings the provider conversation in line with {@code input} (the context's Responses input
   * elements), creating it first when there is none.
   *
   * @return the conversation id
   */
  public String sync(List<FormattedItem> input, AttemptContext context) throws IOException {
    if (conversationId == null) {
      startOver(context);
    }
    try {
      apply(input, context);
    } catch (ApiStatusException notFound) {
      if (!Integer.valueOf(404).equals(notFound.status())) {
        throw notFound;
      }
      return restart(input, context);
    }
    return conversationId;
  }

  /**
   * Replaces a provider conversation that is gone (the provider answered 404 for it) with a new one
   * holding the whole of {@code input}.
   *
   * @return the new conversation's id
   */
  public String restart(List<FormattedItem> input, AttemptContext context) throws IOException {
    LOG.info("provider conversation {} is gone; starting a new one with the whole context", conversationId);
    startOver(context);
    apply(input, context);
    return conversationId;
  }

  /**
   * Records the reply's own items, which the provider added to the conversation when the response
   * ended: its function calls under {@code replyId/fnc_i}, and its other items (reasoning, the
   * message) under the reply's message {@code replyId} when it had text, else with its first call.
   * Without a reply id nothing is recorded.
   *
   * @param otherIds the provider ids of the reply's items other than function calls, in order
   * @param callIds the provider ids of its function calls, in order
   */
  public void adoptReply(String replyId, List<String> otherIds, List<String> callIds, boolean hasText) {
    if (replyId == null || (otherIds.isEmpty() && callIds.isEmpty())) {
      return;
    }
    for (int i = 0; i < callIds.size(); i++) {
      items.put(ItemIds.functionCallId(replyId, i), List.of(callIds.get(i)));
    }
    if (hasText) {
      items.put(replyId, List.copyOf(otherIds));
    } else if (!callIds.isEmpty()) {
      List<String> first = new ArrayList<>(otherIds);
      first.add(callIds.getFirst());
      items.put(ItemIds.functionCallId(replyId, 0), first);
    }
    changed = true;
  }

  /** What the provider holds now, or null before a conversation exists. */
  public ProviderConversation state() {
    return conversationId == null ? null : new ProviderConversation(conversationId, endpoint, items);
  }

  /** True when the provider's side changed since the last call of this method. */
  public boolean takeChanged() {
    boolean was = changed;
    changed = false;
    return was;
  }

  private void startOver(AttemptContext context) throws IOException {
    conversationId = client.create(context);
    items.clear();
    changed = true;
  }

  private void apply(List<FormattedItem> input, AttemptContext context) throws IOException {
    Set<String> present = new HashSet<>();
    input.forEach(item -> present.add(item.itemId()));
    for (String removed : List.copyOf(items.keySet())) {
      if (!present.contains(removed)) {
        delete(removed, context);
      }
    }
    int first = 0;
    while (first < input.size() && items.containsKey(input.get(first).itemId())) {
      first++;
    }
    List<FormattedItem> tail = input.subList(first, input.size());
    for (FormattedItem later : tail) {
      if (items.containsKey(later.itemId())) {
        delete(later.itemId(), context);
      }
    }
    if (tail.isEmpty()) {
      return;
    }
    List<ObjectNode> bodies = tail.stream().map(ConversationSync::asItem).toList();
    List<String> ids = client.addItems(conversationId, bodies, context);
    for (int i = 0; i < tail.size(); i++) {
      items.put(tail.get(i).itemId(), List.of(ids.get(i)));
    }
    changed = true;
  }

  private void delete(String localId, AttemptContext context) throws IOException {
    List<String> remote = new ArrayList<>(items.get(localId));
    while (!remote.isEmpty()) {
      client.deleteItem(conversationId, remote.getFirst(), context);
      remote.removeFirst();
      items.put(localId, List.copyOf(remote));
      changed = true;
    }
    items.remove(localId);
  }

  /** A conversation item: the input element, with {@code "type": "message"} for messages. */
  private static ObjectNode asItem(FormattedItem element) {
    if (element.json().has("type")) {
      return element.json().deepCopy();
    }
    ObjectNode item = Json.mapper().createObjectNode().put("type", "message");
    item.setAll(element.json().deepCopy());
    return item;
  }
}
