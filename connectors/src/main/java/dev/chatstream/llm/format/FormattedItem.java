package dev.chatstream.llm.format;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * One element of a provider's input together with the context item it came from, for connectors
 * that send part of a context (the items after what the provider already holds).
 *
 * @param itemId the id of the {@link dev.chatstream.llm.chat.ChatItem} this element expresses
 * @param json the element in the provider's shape; the node belongs to the caller
 */
public record FormattedItem(String itemId, ObjectNode json) {

  /** @throws NullPointerException when a part is null */
  public FormattedItem {
    Objects.requireNonNull(itemId, "item id must not be null");
    Objects.requireNonNull(json, "json must not be null");
  }
}
