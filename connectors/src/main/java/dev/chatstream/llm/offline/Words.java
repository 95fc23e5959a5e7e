package dev.chatstream.llm.offline;

import dev.chatstream.llm.chat.ChatContext;
import dev.chatstream.llm.chat.ChatItem;
import dev.chatstream.llm.chat.ChatMessage;
import dev.chatstream.llm.chat.FunctionCall;
import dev.chatstream.llm.chat.FunctionCallOutput;
import java.util.List;
import java.util.regex.Pattern;

/** Words, the offline provider's tokens: maximal runs of non-whitespace characters. */
final class Words {
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");

  private Words() {}

  /** The words of {@code text}, in order; none for null or blank text. */
  static List<String> of(String text) {
    if (text == null || text.isBlank()) {
      return List.of();
    }
    return List.of(WHITESPACE.split(text.strip()));
  }

  /** How many words {@code text} holds. */
  static int count(String text) {
    return of(text).size();
  }

  /** Words of a context: message text, call names and arguments, and call outputs. */
  static int count(ChatContext context) {
    int words = 0;
    for (ChatItem item : context.items()) {
      words += switch (item) {
        case ChatMessage message -> count(message.textContent());
        case FunctionCall call -> count(call.name()) + count(call.arguments());
        case FunctionCallOutput output -> count(output.output());
      };
    }
    return words;
  }
}
