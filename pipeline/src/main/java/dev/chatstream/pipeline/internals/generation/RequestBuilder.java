package dev.chatstream.pipeline.internals.generation;

import dev.chatstream.llm.ConnectOptions;
import dev.chatstream.llm.LlmRequest;
import dev.chatstream.llm.chat.ChatContext;
import dev.chatstream.llm.chat.CopyOptions;

/** Turns a stored context and a {@code generate_reply} into the request a connector sends. */
public final class RequestBuilder {
  private RequestBuilder() {}

  /**
   * Applies the request's context transform to a copy of {@code stored} and carries the request's
   * tools and options over; {@code profileOptions} apply when the request sets no connect options.
   */
  public static LlmRequest build(ReplyRequest reply, ChatContext stored, ConnectOptions profileOptions) {
    ContextTransform transform = reply.transform();
    CopyOptions filter = CopyOptions.all();
    if (transform.excludeFunctionCalls()) {
      filter = filter.excludeFunctionCalls();
    }
    if (transform.excludeInstructions()) {
      filter = filter.excludeInstructions();
    }
    if (transform.excludeEmptyMessages()) {
      filter = filter.excludeEmptyMessages();
    }
    if (transform.tools() != null) {
      filter = filter.withTools(transform.tools());
    }
    ChatContext context = stored.copy(filter);
    if (transform.truncateTo() != null) {
      context.truncate(transform.truncateTo());
    }
    ConnectOptions connect = reply.connectOptions() != null ? reply.connectOptions() : profileOptions;
    return new LlmRequest(reply.requestId(), context, reply.tools(), reply.toolChoice(), reply.parallelToolCalls(),
        connect, reply.model(), reply.options());
  }
}
