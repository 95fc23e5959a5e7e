package dev.chatstream.llm.internal.responses;

import dev.chatstream.llm.format.FormattedItem;
import java.util.List;

/**
 * What one request sends: the input elements and what they continue, if anything.
 *
 * @param input the elements to send as {@code input}, possibly none
 * @param previousResponseId the response they continue ({@code previous_response_id}), or null
 * @param conversationId the provider conversation they belong to ({@code conversation}), or null
 */
record InputPlan(List<FormattedItem> input, String previousResponseId, String conversationId) {

  InputPlan {
    input = List.copyOf(input);
  }

  /** The whole context, continuing nothing. */
  static InputPlan full(List<FormattedItem> all) {
    return new InputPlan(all, null, null);
  }

  /** Only {@code newItems}, after the response {@code responseId}. */
  static InputPlan after(String responseId, List<FormattedItem> newItems) {
    return new InputPlan(newItems, responseId, null);
  }

  /** No input: the provider conversation {@code conversationId} already holds every item. */
  static InputPlan inConversation(String conversationId) {
    return new InputPlan(List.of(), null, conversationId);
  }
}
