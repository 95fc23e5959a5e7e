package dev.chatstream.llm.chat;

import java.util.UUID;

/**
 * Generated ids: {@code item_...} for items, {@code img_...} for images, and the {@code M/fnc_i}
 * rule that ties the function calls of a reply to its assistant message {@code M}.
 */
public final class ItemIds {
  private static final int SHORT_LENGTH = 12;

  private ItemIds() {}

  /** A new item id: {@code item_} and 12 hex digits. */
  public static String newItemId() {
    return shortId("item_");
  }

  /** A new image id: {@code img_} and 12 hex digits. */
  public static String newImageId() {
    return shortId("img_");
  }

  /** {@code prefix} followed by 12 random hex digits. */
  public static String shortId(String prefix) {
    return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, SHORT_LENGTH);
  }

  /** The id of the {@code index}-th function call of the reply whose message id is {@code messageId}. */
  public static String functionCallId(String messageId, int index) {
    if (index < 0) {
      throw new IllegalArgumentException("function call index must be >= 0, was " + index);
    }
    return messageId + "/fnc_" + index;
  }

  /** The group an assistant message or function call belongs to: its id up to the first {@code /}. */
  public static String groupOf(String id) {
    int slash = id.indexOf('/');
    return slash < 0 ? id : id.substring(0, slash);
  }
}
