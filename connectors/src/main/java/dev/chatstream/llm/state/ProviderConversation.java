package dev.chatstream.llm.state;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A conversation kept on the provider's side (OpenAI's Conversations API, the successor of the
 * Assistants API's threads), and which of the caller's items it holds.
 *
 * <p>Each synced item of the caller's context maps to the ids the provider gave it: one for an item
 * the connector added, several for a reply the provider produced (its reasoning and message items
 * belong to the reply's message). The connector adds the caller's new items, deletes the provider
 * items of removed ones, and sends only the conversation id with the request.
 *
 * @param conversationId the provider's conversation id ({@code conv_...})
 * @param endpoint the API root that holds the conversation
 * @param items the caller's item id to the provider's item ids, for every synced item
 */
public record ProviderConversation(String conversationId, String endpoint, Map<String, List<String>> items)
    implements ProviderState {

  /**
   * Validates and copies.
   *
   * @throws NullPointerException when the conversation id, endpoint, or an item entry is null
   * @throws IllegalArgumentException when the conversation id is empty
   */
  public ProviderConversation {
    Objects.requireNonNull(conversationId, "conversation id must not be null");
    Objects.requireNonNull(endpoint, "endpoint must not be null");
    if (conversationId.isBlank()) {
      throw new IllegalArgumentException("conversation id must not be empty");
    }
    Map<String, List<String>> copy = new LinkedHashMap<>();
    (items == null ? Map.<String, List<String>>of() : items).forEach((local, remote) -> copy.put(
        Objects.requireNonNull(local, "item id must not be null"),
        List.copyOf(Objects.requireNonNull(remote, "provider item ids must not be null"))));
    items = Collections.unmodifiableMap(copy);
  }

  /** A conversation that holds none of the caller's items yet. */
  public static ProviderConversation empty(String conversationId, String endpoint) {
    return new ProviderConversation(conversationId, endpoint, Map.of());
  }
}
