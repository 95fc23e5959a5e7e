package dev.chatstream.llm.chat;

import static dev.chatstream.llm.chat.TestItems.ids;
import static dev.chatstream.llm.chat.TestItems.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class ChatContextReadOnlyTest {
  private final ChatContext context = ChatContext.of(user("a", 1), user("b", 2));
  private final ChatContext view = context.readOnly();

  @Test
  void readOnlyViewRejectsChanges() {
    Map<String, Executable> changes = Map.of(
        "addMessage", () -> view.addMessage(ChatRole.USER, "x"),
        "append", () -> view.append(user("c", 3)),
        "insert", () -> view.insert(user("c", 3)),
        "remove", () -> view.remove("a"),
        "truncate", () -> view.truncate(1),
        "merge", () -> view.merge(ChatContext.of(user("c", 3))));

    changes.forEach((operation, change) -> {
      UnsupportedOperationException error = assertThrows(UnsupportedOperationException.class, change);
      assertEquals("chat context is read-only: " + operation + " is not allowed (change a copy() instead)",
          error.getMessage());
    });
    assertThrows(UnsupportedOperationException.class, () -> view.insert(List.of(user("c", 3))));
    assertThrows(UnsupportedOperationException.class, () -> view.items().clear());
    assertEquals(List.of("a", "b"), ids(context));
  }

  @Test
  void readOnlyViewFollowsTheContext() {
    context.append(user("c", 3));

    assertEquals(List.of("a", "b", "c"), ids(view));
    assertTrue(view.getById("c").isPresent());
  }

  @Test
  void readOnlyViewSaysSo() {
    assertTrue(view.isReadOnly());
    assertFalse(context.isReadOnly());
    assertSame(view, view.readOnly());
  }

  @Test
  void copyOfReadOnlyViewIsWritable() {
    ChatContext copy = view.copy();

    copy.append(user("c", 3));

    assertFalse(copy.isReadOnly());
    assertEquals(List.of("a", "b", "c"), ids(copy));
    assertEquals(List.of("a", "b"), ids(context));
  }

  @Test
  void readOnlyViewCanBeReadAndMergedFrom() {
    ChatContext target = ChatContext.empty();

    target.merge(view);

    assertTrue(view.isEquivalent(context));
    assertEquals(List.of("a", "b"), ids(target));
  }
}
