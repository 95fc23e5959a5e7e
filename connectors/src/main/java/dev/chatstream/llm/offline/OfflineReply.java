package dev.chatstream.llm.offline;

import dev.chatstream.llm.stream.FunctionToolCall;
import java.util.List;

/** What the offline provider streams for one request: words of text, or one tool call. */
sealed interface OfflineReply {

  /** A text reply, streamed one word per chunk. */
  record Text(List<String> words) implements OfflineReply {
    public Text {
      words = List.copyOf(words);
    }
  }

  /** A tool call, streamed as one chunk. */
  record Call(FunctionToolCall call) implements OfflineReply {}
}
