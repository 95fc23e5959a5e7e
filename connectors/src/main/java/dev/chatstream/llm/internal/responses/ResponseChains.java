package dev.chatstream.llm.internal.responses;

import dev.chatstream.llm.chat.ItemIds;
import dev.chatstream.llm.format.FormattedItem;
import dev.chatstream.llm.state.ResponseChain;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code previous_response_id} rules. A request continues the stored chain only when the chain
 * belongs to this endpoint and model, the context still starts with exactly the elements the chained
 * response saw, the reply's items follow them (so every function call of that reply has its output,
 * since a call without one is not formatted), and something new comes after; it then sends only the
 * elements after the reply. Anything else sends the full input, and the chain is replaced when that
 * response completes.
 */
final class ResponseChains {

  private static final Logger LOG = LoggerFactory.getLogger(ResponseChains.class);

  private ResponseChains() {}

  /**
   * What to send for a context whose input elements are {@code all}.
   *
   * @param chain the stored chain, or null
   */
  static InputPlan plan(List<FormattedItem> all, ResponseChain chain, String endpoint, String model) {
    if (chain == null) {
      return InputPlan.full(all);
    }
    String mismatch = mismatch(all, chain, endpoint, model);
    if (mismatch != null) {
      LOG.debug("sending the full input instead of continuing {}: {}", chain.responseId(), mismatch);
      return InputPlan.full(all);
    }
    int start = chain.coveredInputs() + chain.replyItems();
    return InputPlan.after(chain.responseId(), all.subList(start, all.size()));
  }

  /**
   * The chain after response {@code responseId} answered a request whose input elements were
   * {@code all}, with {@code replyItems} items of its own under {@code replyId}.
   */
  static ResponseChain after(
      String responseId, List<FormattedItem> all, String endpoint, String model, String replyId, int replyItems) {
    return new ResponseChain(responseId, endpoint, model, all.size(), InputDigest.of(all, all.size()),
        replyId, replyId == null ? 0 : replyItems);
  }

  /** Why {@code chain} cannot be continued, or null when it can. */
  private static String mismatch(List<FormattedItem> all, ResponseChain chain, String endpoint, String model) {
    if (!chain.endpoint().equals(endpoint)) {
      return "the chain belongs to " + chain.endpoint();
    }
    if (!chain.model().equals(model)) {
      return "the chain was made by model " + chain.model();
    }
    int covered = chain.coveredInputs();
    if (covered > all.size() || !InputDigest.of(all, covered).equals(chain.coveredDigest())) {
      return "the context changed before the end of the chain";
    }
    int start = covered + chain.replyItems();
    if (start > all.size() || countReply(all, covered, chain.replyId()) != chain.replyItems()) {
      return "the previous reply is not complete in the context (a call without its output?)";
    }
    for (int i = start; i < all.size(); i++) {
      if (isReply(all.get(i), chain.replyId())) {
        return "an item of the previous reply comes after newer items";
      }
    }
    return start == all.size() ? "nothing was added since" : null;
  }

  private static int countReply(List<FormattedItem> all, int from, String replyId) {
    int count = 0;
    while (from + count < all.size() && isReply(all.get(from + count), replyId)) {
      count++;
    }
    return count;
  }

  private static boolean isReply(FormattedItem item, String replyId) {
    return replyId != null && ItemIds.groupOf(item.itemId()).equals(replyId);
  }
}
