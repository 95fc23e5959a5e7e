package dev.chatstream.pipeline.internals.state;

import dev.chatstream.llm.state.ProviderState;
import java.util.Objects;

/**
 * What the provider of one LLM profile keeps of a conversation, as the conversation header stores it:
 * a {@code previous_response_id} chain whole, or a provider conversation's id (its item ids are one
 * store entry each, beside the header, so the header stays small).
 *
 * @param profile the profile whose provider reported the state; another profile does not use it
 * @param state the state, a {@link dev.chatstream.llm.state.ProviderConversation} without its items
 */
public record ProviderHold(String profile, ProviderState state) {

  /** @throws NullPointerException when a part is null */
  public ProviderHold {
    Objects.requireNonNull(profile, "profile");
    Objects.requireNonNull(state, "state");
  }
}
