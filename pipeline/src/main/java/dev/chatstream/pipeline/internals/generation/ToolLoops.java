package dev.chatstream.pipeline.internals.generation;

import dev.chatstream.llm.chat.FunctionCall;
import dev.chatstream.llm.chat.FunctionCallOutput;
import dev.chatstream.pipeline.internals.state.ConversationHeader;
import dev.chatstream.pipeline.internals.state.ConversationStore;
import java.util.List;
import java.util.Optional;

/**
 * The tool loop of {@code auto_tool_reply}: a reply that asked for tools waits, in its conversation's
 * header, for an output of every call; the last output queues the next reply of the loop, up to the
 * request's {@code max_tool_steps}. The header is changelogged, so a loop waiting for outputs survives
 * restarts and moves with its partition.
 */
final class ToolLoops {
  private static final String STEP_INFIX = "/tool-";

  private final ConversationStore conversations;
  private final OutputSink sink;
  private final PipelineErrors errors;

  ToolLoops(ConversationStore conversations, OutputSink sink, PipelineErrors errors) {
    this.conversations = conversations;
    this.sink = sink;
    this.errors = errors;
  }

  /**
   * The next reply of a loop, due once the last pending call got its output.
   *
   * @param requestId {@code <root request id>/tool-<step>}
   * @param toolStep the loop's step
   * @param encoded the root request as it arrived
   */
  record NextReply(String requestId, int toolStep, byte[] encoded) {}

  /** Makes {@code generation}, which ended with {@code calls}, wait for their outputs, unless its loop is at its limit. */
  void await(ActiveGeneration generation, List<FunctionCall> calls) {
    ReplyRequest request = generation.request();
    int step = generation.toolStep() + 1;
    if (step > request.maxToolSteps()) {
      sink.error(generation, errors.maxToolStepsReached(request.maxToolSteps(), generation.handle().requestId()));
      return;
    }
    String conversationId = generation.handle().conversationId();
    List<String> callIds = calls.stream().map(FunctionCall::callId).toList();
    ConversationHeader header = conversations.header(conversationId);
    conversations.putHeader(conversationId, header.withToolLoop(
        new ConversationHeader.ToolLoop(generation.encodedRequest(), rootRequestId(generation), step, callIds)));
  }

  /** Counts {@code output} towards the loop waiting for it; the next reply when it was the last one. */
  Optional<NextReply> outputArrived(String conversationId, FunctionCallOutput output) {
    ConversationHeader header = conversations.header(conversationId);
    ConversationHeader.ToolLoop loop = header.toolLoop();
    if (loop == null || !loop.pendingCallIds().contains(output.callId())) {
      return Optional.empty();
    }
    ConversationHeader.ToolLoop updated = loop.withOutputFor(output.callId());
    if (!updated.isComplete()) {
      conversations.putHeader(conversationId, header.withToolLoop(updated));
      return Optional.empty();
    }
    conversations.putHeader(conversationId, header.withToolLoop(null));
    return Optional.of(new NextReply(loop.requestId() + STEP_INFIX + loop.step(), loop.step(), loop.request()));
  }

  /** Stops the loop waiting for outputs when {@code requestId} is null or names the request that began it. */
  void stop(String conversationId, String requestId) {
    ConversationHeader header = conversations.header(conversationId);
    ConversationHeader.ToolLoop loop = header.toolLoop();
    if (loop != null && (requestId == null || loop.requestId().equals(requestId))) {
      conversations.putHeader(conversationId, header.withToolLoop(null));
    }
  }

  private static String rootRequestId(ActiveGeneration generation) {
    String requestId = generation.handle().requestId();
    return generation.toolStep() == 0 ? requestId : requestId.substring(0, requestId.lastIndexOf(STEP_INFIX));
  }
}
