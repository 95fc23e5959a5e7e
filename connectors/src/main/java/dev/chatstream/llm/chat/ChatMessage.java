package dev.chatstream.llm.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A message in a conversation.
 *
 * @param id the item id ({@code item_...} when generated)
 * @param role who the message is from
 * @param content text, image and audio parts, in order
 * @param interrupted true when the message was cut short (a cancelled or interrupted reply)
 * @param transcriptConfidence speech-to-text confidence, or null
 * @param extra free-form data carried with the message
 * @param createdAt seconds since the epoch
 */
public record ChatMessage(
    String id,
    ChatRole role,
    List<ChatContent> content,
    boolean interrupted,
    Double transcriptConfidence,
    Map<String, Object> extra,
    double createdAt)
    implements ChatItem {

  /**
   * Validates and copies.
   *
   * @throws NullPointerException when id, role, content or a content part is null
   * @throws IllegalArgumentException when id is empty or createdAt is not finite
   */
  public ChatMessage {
    Objects.requireNonNull(id, "message id must not be null");
    if (id.isEmpty()) {
      throw new IllegalArgumentException("message id must not be empty");
    }
    Objects.requireNonNull(role, "message role must not be null");
    if (!Double.isFinite(createdAt)) {
      throw new IllegalArgumentException("message created_at must be finite, was " + createdAt);
    }
    Objects.requireNonNull(content, "message content must not be null");
    for (ChatContent part : content) {
      Objects.requireNonNull(part, "message content must not contain null parts");
    }
    content = List.copyOf(content);
    extra = Extras.copyOf(extra);
  }

  /** A message with a generated id, stamped now, from text parts. */
  public static ChatMessage of(ChatRole role, String... text) {
    List<ChatContent> parts = new ArrayList<>(text.length);
    for (String t : text) {
      parts.add(new TextContent(t));
    }
    return new ChatMessage(ItemIds.newItemId(), role, parts, false, null, Map.of(), Clock.nowSeconds());
  }

  @Override
  public ItemType type() {
    return ItemType.MESSAGE;
  }

  /** The text parts joined with {@code \n}, or null when there are none. */
  public String textContent() {
    StringBuilder text = null;
    for (ChatContent part : content) {
      if (part instanceof TextContent(String t)) {
        if (text == null) {
          text = new StringBuilder(t);
        } else {
          text.append('\n').append(t);
        }
      }
    }
    return text == null ? null : text.toString();
  }

  /** A copy with another id. */
  public ChatMessage withId(String newId) {
    return new ChatMessage(newId, role, content, interrupted, transcriptConfidence, extra, createdAt);
  }

  /** A copy with another creation time. */
  public ChatMessage withCreatedAt(double time) {
    return new ChatMessage(id, role, content, interrupted, transcriptConfidence, extra, time);
  }

  /** A copy with another role. */
  public ChatMessage withRole(ChatRole newRole) {
    return new ChatMessage(id, newRole, content, interrupted, transcriptConfidence, extra, createdAt);
  }

  /** A copy with the interrupted flag set as given. */
  public ChatMessage withInterrupted(boolean flag) {
    return new ChatMessage(id, role, content, flag, transcriptConfidence, extra, createdAt);
  }
}
