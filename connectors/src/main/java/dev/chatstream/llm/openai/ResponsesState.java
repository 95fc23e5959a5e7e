package dev.chatstream.llm.openai;

import java.util.Arrays;
import java.util.Locale;

/**
 * How an {@link OpenAiResponsesProvider} lets the provider keep a conversation between requests, so
 * that a request carries only what is new. The state itself travels in
 * {@link dev.chatstream.llm.LlmRequest#providerState()}; see {@link dev.chatstream.llm.state}.
 */
public enum ResponsesState {
  /**
   * Chain responses with {@code previous_response_id}: after a completed response, the next request
   * sends only the items added since, as long as the context before them is unchanged. The default;
   * nothing is chained when {@code store} is false.
   */
  PREVIOUS_RESPONSE("previous-response"),
  /**
   * Keep the conversation on the provider (the Conversations API): the first request creates it,
   * later ones add the new items, delete removed ones, and send only the conversation id. Needs
   * {@code store} not false.
   */
  CONVERSATION("conversation"),
  /** Send the whole context every time. */
  NONE("none");

  private final String id;

  ResponsesState(String id) {
    this.id = id;
  }

  /** The name used in configuration ({@code previous-response}, {@code conversation}, {@code none}). */
  public String id() {
    return id;
  }

  /**
   * Parses a configuration name.
   *
   * @throws IllegalArgumentException naming the known values when {@code name} is none of them
   */
  public static ResponsesState fromId(String name) {
    return Arrays.stream(values()).filter(state -> state.id.equals(name.toLowerCase(Locale.ROOT))).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown Responses state '" + name
            + "' (expected previous-response, conversation or none)"));
  }

  @Override
  public String toString() {
    return id;
  }
}
