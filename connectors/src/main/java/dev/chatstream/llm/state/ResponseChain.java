package dev.chatstream.llm.state;

import java.util.Objects;

/**
 * The last response a conversation got from an OpenAI Responses API endpoint that stores responses,
 * and the context it covered: the next request may send only what came after, with
 * {@code previous_response_id}.
 *
 * <p>The covered context is kept as a count and a digest of the input items the response saw (in
 * the Responses format, in order), so the state stays a few dozen bytes at any conversation length
 * and a change anywhere in the covered part (an edit, a removal, an item inserted before the end) is
 * seen. The reply itself is known by the id the caller gives its items ({@code replyId}, with
 * {@code replyId/fnc_i} for its function calls): those items are already on the provider's side and
 * are not sent again.
 *
 * @param responseId the response's id ({@code resp_...})
 * @param endpoint the API root that holds the response
 * @param model the model that produced it; another model starts a new chain
 * @param coveredInputs how many input items the response saw
 * @param coveredDigest the digest of those input items (lowercase hex)
 * @param replyId the id of the reply's message in the caller's context, or null when the caller named
 *     none (its items are then sent again as input)
 * @param replyItems how many items of the reply the context is expected to hold: its message when it
 *     had text, and its function calls
 */
public record ResponseChain(
    String responseId,
    String endpoint,
    String model,
    int coveredInputs,
    String coveredDigest,
    String replyId,
    int replyItems) implements ProviderState {

  /**
   * Validates.
   *
   * @throws NullPointerException when the response id, endpoint, model or digest is null
   * @throws IllegalArgumentException when a count is negative or the response id is empty
   */
  public ResponseChain {
    Objects.requireNonNull(responseId, "response id must not be null");
    Objects.requireNonNull(endpoint, "endpoint must not be null");
    Objects.requireNonNull(model, "model must not be null");
    Objects.requireNonNull(coveredDigest, "covered digest must not be null");
    if (responseId.isBlank()) {
      throw new IllegalArgumentException("response id must not be empty");
    }
    if (coveredInputs < 0 || replyItems < 0) {
      throw new IllegalArgumentException("item counts must be >= 0, were " + coveredInputs + " and " + replyItems);
    }
  }
}
