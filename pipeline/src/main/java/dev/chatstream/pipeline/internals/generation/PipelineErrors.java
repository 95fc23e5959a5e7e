package dev.chatstream.pipeline.internals.generation;

import dev.chatstream.llm.ErrorKind;
import dev.chatstream.llm.LlmError;
import java.util.function.DoubleSupplier;

/**
 * The errors the pipeline raises itself, as opposed to a provider's: a conversation limit, a request
 * that cannot be sent, a tool loop's step limit. They carry label {@value #LABEL}, kind
 * {@link ErrorKind#OTHER}, and are neither retryable nor recoverable.
 */
public final class PipelineErrors {
  /** The label of the pipeline's own errors. */
  public static final String LABEL = "chatstream";

  private final DoubleSupplier clock;

  /** Errors stamped with {@code clock} (seconds since the epoch). */
  public PipelineErrors(DoubleSupplier clock) {
    this.clock = clock;
  }

  /** An input item that was not stored, because of {@code reason}. */
  public LlmError itemRejected(String itemId, String reason) {
    return of("item " + itemId + " was rejected: " + reason);
  }

  /** A request whose provider request could not be built or started. */
  public LlmError requestCannotBeSent(String requestId, String cause) {
    return of("request " + requestId + " cannot be sent: " + cause);
  }

  /** A tool loop that reached the request's {@code max_tool_steps}. */
  LlmError maxToolStepsReached(int maxToolSteps, String requestId) {
    return of("max_tool_steps (" + maxToolSteps + ") reached: the function calls of request " + requestId
        + " will not be answered automatically");
  }

  /** An item of a reply that was not stored, because of {@code reason}. */
  LlmError replyItemNotStored(String itemId, String reason) {
    return of("reply item " + itemId + " was not stored: " + reason);
  }

  private LlmError of(String message) {
    return new LlmError(clock.getAsDouble(), LABEL, ErrorKind.OTHER, message, null, null, null, false, false);
  }
}
