package dev.chatstream.llm.chat;

import java.util.Objects;

/**
 * The result of running a function call.
 *
 * @param id the item id
 * @param callId the call this answers
 * @param name the function's name ({@code ""} when unknown)
 * @param output the result, as text
 * @param isError true when the function failed and {@code output} describes the failure
 * @param createdAt seconds since the epoch
 */
public record FunctionCallOutput(
    String id, String callId, String name, String output, boolean isError, double createdAt)
    implements ChatItem {

  /**
   * Validates.
   *
   * @throws NullPointerException when id, callId, name or output is null
   * @throws IllegalArgumentException when id or callId is empty, or createdAt is not finite
   */
  public FunctionCallOutput {
    Objects.requireNonNull(id, "function call output id must not be null");
    Objects.requireNonNull(callId, "function call output call_id must not be null");
    Objects.requireNonNull(name, "function call output name must not be null");
    Objects.requireNonNull(output, "function call output must not be null");
    if (id.isEmpty()) {
      throw new IllegalArgumentException("function call output id must not be empty");
    }
    if (callId.isEmpty()) {
      throw new IllegalArgumentException("function call output call_id must not be empty");
    }
    if (!Double.isFinite(createdAt)) {
      throw new IllegalArgumentException("function call output created_at must be finite, was " + createdAt);
    }
  }

  /** An output with a generated id, stamped now. */
  public static FunctionCallOutput of(String callId, String name, String output, boolean isError) {
    return new FunctionCallOutput(ItemIds.newItemId(), callId, name, output, isError, Clock.nowSeconds());
  }

  @Override
  public ItemType type() {
    return ItemType.FUNCTION_CALL_OUTPUT;
  }

  /** A copy with another creation time. */
  public FunctionCallOutput withCreatedAt(double time) {
    return new FunctionCallOutput(id, callId, name, output, isError, time);
  }
}
