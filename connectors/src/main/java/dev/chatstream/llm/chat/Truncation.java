package dev.chatstream.llm.chat;

import java.util.ArrayList;
import java.util.List;

/** The item selection behind {@link ChatContext#truncate}. */
final class Truncation {
  private Truncation() {}

  /**
   * The last {@code maxItems} items without leading function calls or outputs, preceded by the first
   * instruction message of {@code items} when that one is not among them.
   */
  static List<ChatItem> lastItems(List<ChatItem> items, int maxItems) {
    ChatItem instruction = items.stream().filter(Truncation::isInstruction).findFirst().orElse(null);
    List<ChatItem> kept = new ArrayList<>(items.subList(Math.max(0, items.size() - maxItems), items.size()));
    // a call or output at the start has lost the other half of its pair
    while (!kept.isEmpty() && !(kept.getFirst() instanceof ChatMessage)) {
      kept.removeFirst();
    }
    if (instruction != null && !kept.contains(instruction)) {
      kept.addFirst(instruction);
    }
    return kept;
  }

  private static boolean isInstruction(ChatItem item) {
    return item instanceof ChatMessage message && message.role().isInstruction();
  }
}
