package dev.chatstream.llm.state;

/**
 * What a provider holds of one conversation on its side, as the caller stored it after an earlier
 * generation. Values are small and immutable; the caller keeps the latest one per conversation (the
 * pipeline puts it in the conversation header, a changelogged store, so it survives restarts and
 * moves with the partition) and passes it with the next request of the same conversation.
 *
 * <p>The connector decides from the state and the request's context what it may leave out: a state
 * that no longer matches the context (items removed, inserted before the covered part, another
 * model or endpoint) is ignored and the full context is sent. A caller that runs two generations of
 * one conversation at once passes no state to either, since their replies would fork the
 * provider's history.
 */
public sealed interface ProviderState permits ResponseChain, ProviderConversation {

  /** The endpoint the state belongs to (such as {@code https://api.openai.com/v1}); never a secret. */
  String endpoint();
}
