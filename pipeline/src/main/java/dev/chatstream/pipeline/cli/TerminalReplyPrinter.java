package dev.chatstream.pipeline.cli;

import dev.chatstream.events.ChatChunk;
import dev.chatstream.events.FunctionCallEvent;
import dev.chatstream.events.LLMError;
import dev.chatstream.events.LLMMetrics;
import dev.chatstream.events.ReplyCompleted;
import java.io.PrintStream;
import java.util.Locale;

/** Prints a reply to a terminal as it streams: text as it arrives, calls, errors and a summary. */
final class TerminalReplyPrinter implements ReplyListener {
  private final PrintStream out;
  private final boolean showMetrics;
  private boolean midLine;
  private int chunks;

  TerminalReplyPrinter(PrintStream out, boolean showMetrics) {
    this.out = out;
    this.showMetrics = showMetrics;
  }

  int chunks() {
    return chunks;
  }

  @Override
  public void onChunk(ChatChunk chunk) {
    chunks++;
    if (chunk.getDelta() == null || chunk.getDelta().getContent() == null || chunk.getDelta().getContent().isEmpty()) {
      return;
    }
    if (!midLine) {
      out.print("assistant> ");
      midLine = true;
    }
    out.print(chunk.getDelta().getContent());
    out.flush();
  }

  @Override
  public void onFunctionCall(FunctionCallEvent call) {
    endLine();
    out.println("[function call] " + call.getFunctionCall().getName() + "(" + call.getFunctionCall().getArguments()
        + ")  call_id=" + call.getFunctionCall().getCallId());
  }

  @Override
  public void onError(LLMError error) {
    endLine();
    out.println("[error" + (error.getRecoverable() ? ", retrying" : "") + "] " + error.getError().getMessage());
  }

  @Override
  public void onMetrics(LLMMetrics metrics) {
    if (!showMetrics) {
      return;
    }
    endLine();
    out.println(String.format(Locale.ROOT,
        "[metrics] %s via %s: ttft %.3f s, duration %.3f s, %d prompt + %d completion tokens, %.1f tokens/s%s",
        metrics.getMetadata().getModelName(), metrics.getMetadata().getModelProvider(), metrics.getTtft(),
        metrics.getDuration(), metrics.getPromptTokens(), metrics.getCompletionTokens(), metrics.getTokensPerSecond(),
        metrics.getCancelled() ? ", cancelled" : ""));
  }

  @Override
  public void onReply(ReplyCompleted reply) {
    endLine();
    if (showMetrics) {
      out.println("[reply completed] request " + reply.getRequestId() + ", attempt " + reply.getAttempt()
          + ", finish_reason " + reply.getFinishReason() + ", " + reply.getFunctionCalls().size() + " function call(s)"
          + (reply.getUsage() == null ? "" : ", " + reply.getUsage().getTotalTokens() + " tokens"));
    }
  }

  private void endLine() {
    if (midLine) {
      out.println();
      midLine = false;
    }
  }
}
