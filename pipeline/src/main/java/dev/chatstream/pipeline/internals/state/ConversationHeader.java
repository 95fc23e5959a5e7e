package dev.chatstream.pipeline.internals.state;

import java.util.List;
import java.util.Objects;

/**
 * The small per-conversation record beside the items: counts that enforce the limits, the sequences
 * that give items and requests their order, the tool loop waiting for function outputs, and what the
 * LLM provider keeps of the conversation on its side.
 *
 * @param itemCount items in the context
 * @param byteCount encoded bytes of the items in the context
 * @param nextArrivalSeq the arrival sequence the next item gets
 * @param nextGenerationSeq the queue sequence the next request of a reprocessing run gets (a live
 *     service numbers a conversation's queue from the entries it holds, without writing the header)
 * @param toolLoop the reply waiting for its function outputs, or null
 * @param providerHold what a provider keeps of the conversation ({@code previous_response_id}, a
 *     provider conversation), or null
 */
public record ConversationHeader(
    int itemCount, long byteCount, long nextArrivalSeq, long nextGenerationSeq, ToolLoop toolLoop,
    ProviderHold providerHold) {

  /** The header of a conversation that has nothing yet. */
  public static final ConversationHeader EMPTY = new ConversationHeader(0, 0, 0, 0, null, null);

  /** A header without provider state. */
  public ConversationHeader(int itemCount, long byteCount, long nextArrivalSeq, long nextGenerationSeq,
      ToolLoop toolLoop) {
    this(itemCount, byteCount, nextArrivalSeq, nextGenerationSeq, toolLoop, null);
  }

  /** A copy that counts one more item of {@code bytes} bytes and advances the arrival sequence. */
  public ConversationHeader withItemAdded(long bytes) {
    return new ConversationHeader(itemCount + 1, byteCount + bytes, nextArrivalSeq + 1, nextGenerationSeq, toolLoop,
        providerHold);
  }

  /** A copy with new counts (after a truncation or removal). */
  public ConversationHeader withCounts(int items, long bytes) {
    return new ConversationHeader(items, bytes, nextArrivalSeq, nextGenerationSeq, toolLoop, providerHold);
  }

  /** A copy that advances the generation sequence. */
  public ConversationHeader withGenerationQueued() {
    return new ConversationHeader(itemCount, byteCount, nextArrivalSeq, nextGenerationSeq + 1, toolLoop,
        providerHold);
  }

  /** A copy with this tool loop (null to clear it). */
  public ConversationHeader withToolLoop(ToolLoop loop) {
    return new ConversationHeader(itemCount, byteCount, nextArrivalSeq, nextGenerationSeq, loop, providerHold);
  }

  /** A copy with this provider state (null to clear it). */
  public ConversationHeader withProviderHold(ProviderHold hold) {
    return new ConversationHeader(itemCount, byteCount, nextArrivalSeq, nextGenerationSeq, toolLoop, hold);
  }

  /**
   * A reply that asked for tools under {@code auto_tool_reply}: the next reply is generated once
   * every pending call has its output.
   *
   * @param request the encoded request that produced the calls (its options are reused)
   * @param requestId the id of that request
   * @param step how many replies of this tool loop have run (1 after the first)
   * @param pendingCallIds call ids still waiting for an output
   */
  public record ToolLoop(byte[] request, String requestId, int step, List<String> pendingCallIds) {

    /** Copies the list. */
    public ToolLoop {
      Objects.requireNonNull(request, "request");
      Objects.requireNonNull(requestId, "requestId");
      pendingCallIds = List.copyOf(pendingCallIds);
    }

    /** A copy without {@code callId} among the pending calls. */
    public ToolLoop withOutputFor(String callId) {
      return new ToolLoop(request, requestId, step,
          pendingCallIds.stream().filter(id -> !id.equals(callId)).toList());
    }

    /** True when every call has its output. */
    public boolean isComplete() {
      return pendingCallIds.isEmpty();
    }
  }
}
