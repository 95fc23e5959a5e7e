package dev.chatstream.llm.chat;

import java.util.List;

/** The item comparison behind {@link ChatContext#isEquivalent}: the fields a provider sees, no timestamps. */
final class ItemEquivalence {
  private ItemEquivalence() {}

  static boolean sameItems(List<ChatItem> a, List<ChatItem> b) {
    if (a == b) {
      return true;
    }
    if (a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      if (!same(a.get(i), b.get(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean same(ChatItem a, ChatItem b) {
    if (!a.id().equals(b.id()) || a.type() != b.type()) {
      return false;
    }
    return switch (a) {
      case ChatMessage m -> sameMessage(m, (ChatMessage) b);
      case FunctionCall c -> sameCall(c, (FunctionCall) b);
      case FunctionCallOutput o -> sameOutput(o, (FunctionCallOutput) b);
    };
  }

  private static boolean sameMessage(ChatMessage a, ChatMessage b) {
    return a.role() == b.role() && a.interrupted() == b.interrupted() && a.content().equals(b.content());
  }

  private static boolean sameCall(FunctionCall a, FunctionCall b) {
    return a.name().equals(b.name()) && a.callId().equals(b.callId()) && a.arguments().equals(b.arguments());
  }

  private static boolean sameOutput(FunctionCallOutput a, FunctionCallOutput b) {
    return a.name().equals(b.name())
        && a.callId().equals(b.callId())
        && a.output().equals(b.output())
        && a.isError() == b.isError();
  }
}
