package dev.chatstream.pipeline.cli;

import dev.chatstream.events.ChatChunk;
import dev.chatstream.events.FunctionCallEvent;
import dev.chatstream.events.LLMError;
import dev.chatstream.events.LLMMetrics;
import dev.chatstream.events.ReplyCompleted;

/** What a terminal conversation shows of one reply as its events arrive. */
interface ReplyListener {
  default void onChunk(ChatChunk chunk) {}

  default void onFunctionCall(FunctionCallEvent call) {}

  default void onError(LLMError error) {}

  default void onMetrics(LLMMetrics metrics) {}

  default void onReply(ReplyCompleted reply) {}
}
