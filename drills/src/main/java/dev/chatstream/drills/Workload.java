package dev.chatstream.drills;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chatstream.events.ConversationEvent;
import dev.chatstream.pipeline.client.ConversationProducer;
import dev.chatstream.pipeline.internals.json.InputEventJson;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The conversations a drill runs: {@code conversations} conversations of {@code turns} turns, each
 * turn a user message of {@code words} words and a {@code generate_reply}. Item and request ids say
 * where they belong ({@code <prefix>c7-u2}, {@code <prefix>c7-r2}), so every check can name what it
 * misses. What the broker acknowledged is remembered: only those count as sent.
 */
final class Workload {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String prefix;
  private final int conversations;
  private final int turns;
  private final int words;
  private final Set<String> sentItems = ConcurrentHashMap.newKeySet();
  private final Map<String, String> sentRequests = new ConcurrentHashMap<>();

  Workload(String prefix, int conversations, int turns, int words) {
    this.prefix = prefix;
    this.conversations = conversations;
    this.turns = turns;
    this.words = words;
  }

  int generations() {
    return conversations * turns;
  }

  String conversation(int index) {
    return prefix + "c" + index;
  }

  List<String> conversationIds() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < conversations; i++) {
      ids.add(conversation(i));
    }
    return ids;
  }

  String userItemId(int conversation, int turn) {
    return conversation(conversation) + "-u" + turn;
  }

  String requestId(int conversation, int turn) {
    return conversation(conversation) + "-r" + turn;
  }

  /** The text of a turn's user message: {@code words} words that name the turn. */
  String userText(int conversation, int turn) {
    StringBuilder text = new StringBuilder("turn " + turn + " of " + conversation(conversation) + ":");
    for (int i = 3; i < words; i++) {
      text.append(" w").append(i);
    }
    return text.toString();
  }

  /** Sends turn {@code turn} of conversation {@code conversation} and waits for the broker's acknowledgements. */
  void sendTurn(ConversationProducer producer, int conversation, int turn) {
    String id = conversation(conversation);
    producer.sendAndWait(event(message(id, userItemId(conversation, turn), userText(conversation, turn))));
    sentItems.add(userItemId(conversation, turn));
    ObjectNode request = JSON.createObjectNode().put("type", "generate_reply").put("conversation_id", id)
        .put("request_id", requestId(conversation, turn));
    producer.sendAndWait(event(request));
    sentRequests.put(requestId(conversation, turn), id);
  }

  /** The events of one turn (its user message, then its request), unsent. */
  List<ConversationEvent> turnEvents(int conversation, int turn) {
    String id = conversation(conversation);
    ObjectNode request = JSON.createObjectNode().put("type", "generate_reply").put("conversation_id", id)
        .put("request_id", requestId(conversation, turn));
    return List.of(event(message(id, userItemId(conversation, turn), userText(conversation, turn))), event(request));
  }

  /** Records turn {@code turn} of every conversation as sent (by a producer of the caller's, acknowledged). */
  void markSent(int turn) {
    for (int c = 0; c < conversations; c++) {
      sentItems.add(userItemId(c, turn));
      sentRequests.put(requestId(c, turn), conversation(c));
    }
  }

  /** Sends every turn, turn by turn across the conversations, {@code gapMillis} apart. */
  void sendAll(ConversationProducer producer, long gapMillis) {
    for (int turn = 0; turn < turns; turn++) {
      for (int c = 0; c < conversations; c++) {
        sendTurn(producer, c, turn);
        if (gapMillis > 0) {
          Pause.millis(gapMillis);
        }
      }
    }
  }

  private static ObjectNode message(String conversationId, String itemId, String text) {
    ObjectNode message = JSON.createObjectNode().put("type", "message").put("conversation_id", conversationId)
        .put("id", itemId).put("role", "user");
    message.putArray("content").add(text);
    return message;
  }

  static ConversationEvent event(ObjectNode line) {
    return InputEventJson.parse(line);
  }

  /** The user items the broker acknowledged. */
  Set<String> sentItems() {
    return Set.copyOf(sentItems);
  }

  /** The requests the broker acknowledged, with their conversations. */
  Map<String, String> sentRequests() {
    return new LinkedHashMap<>(sentRequests);
  }
}
