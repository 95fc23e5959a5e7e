package dev.chatstream.llm.chat;

import static dev.chatstream.llm.chat.TestItems.assistant;
import static dev.chatstream.llm.chat.TestItems.call;
import static dev.chatstream.llm.chat.TestItems.ids;
import static dev.chatstream.llm.chat.TestItems.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ChatContextTest {

  @Test
  void emptyContextHasNoItems() {
    ChatContext context = ChatContext.empty();

    assertTrue(context.isEmpty());
    assertEquals(0, context.size());
    assertEquals(List.of(), context.items());
  }

  @Test
  void ofKeepsTheGivenOrderWhateverTheTimes() {
    ChatContext context = ChatContext.of(user("late", 9), user("early", 1));

    assertEquals(List.of("late", "early"), ids(context));
  }

  @Test
  void ofRejectsNullItems() {
    List<ChatItem> withNull = new java.util.ArrayList<>();
    withNull.add(null);

    assertThrows(NullPointerException.class, () -> ChatContext.of(withNull));
  }

  @Test
  void addMessageWithTextMakesOneTextPart() {
    ChatContext context = ChatContext.empty();

    ChatMessage message = context.addMessage(ChatRole.USER, "hello");

    assertEquals(List.of(new TextContent("hello")), message.content());
    assertEquals(ChatRole.USER, message.role());
    assertFalse(message.interrupted());
    assertTrue(message.id().matches("item_[0-9a-f]{12}"), message.id());
    assertEquals(List.of(message), context.items());
  }

  @Test
  void addMessageWithPartsKeepsThemInOrder() {
    ImageContent image = ImageContent.of("https://example.com/cat.png");
    List<ChatContent> parts = List.of(new TextContent("look"), image, new TextContent("at this"));

    ChatMessage message = ChatContext.empty().addMessage(ChatRole.USER, parts);

    assertEquals(parts, message.content());
    assertEquals("look\nat this", message.textContent());
  }

  @Test
  void addMessageWithoutTimeAppendsAndStampsNow() {
    ChatContext context = ChatContext.of(user("future", 4_000_000_000.0));
    double before = Clock.nowSeconds();

    ChatMessage message = context.addMessage(ChatRole.ASSISTANT, "hi");

    assertEquals(List.of("future", message.id()), ids(context));
    assertTrue(message.createdAt() >= before && message.createdAt() <= Clock.nowSeconds() + 1);
  }

  @Test
  void addMessageWithTimeInsertsByTime() {
    ChatContext context = ChatContext.of(user("a", 1), user("c", 3));

    ChatMessage message = context.addMessage(ChatRole.USER, "b", "b", true, 2.0);

    assertEquals(List.of("a", "b", "c"), ids(context));
    assertEquals(2.0, message.createdAt());
    assertTrue(message.interrupted());
  }

  @Test
  void addMessageUsesTheGivenId() {
    ChatMessage message = ChatContext.empty().addMessage(ChatRole.USER, List.of(), "mine", false, null);

    assertEquals("mine", message.id());
  }

  @Test
  void addMessageRejectsNullContent() {
    ChatContext context = ChatContext.empty();

    NullPointerException error =
        assertThrows(NullPointerException.class, () -> context.addMessage(ChatRole.USER, (String) null));
    assertEquals("message content must not be null", error.getMessage());
    assertTrue(context.isEmpty());
  }

  @Test
  void appendAddsAtTheEndWhateverTheTime() {
    ChatContext context = ChatContext.of(user("a", 5));

    context.append(user("old", 1));

    assertEquals(List.of("a", "old"), ids(context));
  }

  @Test
  void insertPlacesItemByCreationTime() {
    ChatContext context = ChatContext.of(user("a", 1), user("c", 3));

    context.insert(user("b", 2));

    assertEquals(List.of("a", "b", "c"), ids(context));
  }

  @Test
  void insertKeepsArrivalOrderForEqualTimestamps() {
    ChatContext context = ChatContext.of(user("a", 1), user("b", 2), user("d", 3));

    context.insert(user("c", 2));

    assertEquals(List.of("a", "b", "c", "d"), ids(context));
  }

  @Test
  void insertBeforeEveryLaterItemGoesFirst() {
    ChatContext context = ChatContext.of(user("b", 2), user("c", 3));

    context.insert(user("a", 1));

    assertEquals(List.of("a", "b", "c"), ids(context));
  }

  @Test
  void insertListPlacesEachItemByTime() {
    ChatContext context = ChatContext.of(user("b", 2));

    context.insert(List.of(user("c", 3), user("a", 1), user("b2", 2)));

    assertEquals(List.of("a", "b", "b2", "c"), ids(context));
  }

  @Test
  void findInsertionIndexScansFromTheEnd() {
    ChatContext context = ChatContext.of(user("a", 1), user("b", 2), user("c", 2), user("d", 5));

    assertEquals(0, context.findInsertionIndex(0.5));
    assertEquals(1, context.findInsertionIndex(1));
    assertEquals(3, context.findInsertionIndex(2));
    assertEquals(3, context.findInsertionIndex(4.9));
    assertEquals(4, context.findInsertionIndex(5));
    assertEquals(0, ChatContext.empty().findInsertionIndex(1));
  }

  @Test
  void findInsertionIndexGoesAfterTheLastEarlierItemWhenUnsorted() {
    ChatContext context = ChatContext.of(user("a", 1), user("b", 9), user("c", 3));

    assertEquals(3, context.findInsertionIndex(4));
    assertEquals(1, context.findInsertionIndex(2));
  }

  @Test
  void removeDropsTheFirstItemWithTheId() {
    ChatMessage first = TestItems.message("dup", ChatRole.USER, "first", 1);
    ChatMessage second = TestItems.message("dup", ChatRole.USER, "second", 2);
    ChatContext context = ChatContext.of(user("a", 0), first, second);

    ChatItem removed = context.remove("dup");

    assertSame(first, removed);
    assertEquals(List.of(user("a", 0), second), context.items());
  }

  @Test
  void removeFailsClearlyForUnknownId() {
    ChatContext context = ChatContext.of(user("a", 1));

    NoSuchElementException error = assertThrows(NoSuchElementException.class, () -> context.remove("zzz"));

    assertEquals("no item with id 'zzz' in the chat context", error.getMessage());
    assertEquals(1, context.size());
  }

  @Test
  void getByIdFindsTheFirstMatch() {
    ChatMessage first = TestItems.message("dup", ChatRole.USER, "first", 1);
    ChatContext context = ChatContext.of(user("a", 0), first, TestItems.message("dup", ChatRole.USER, "2nd", 2));

    assertEquals(Optional.of(first), context.getById("dup"));
    assertEquals(Optional.empty(), context.getById("missing"));
  }

  @Test
  void indexByIdFindsTheFirstMatchOrMinusOne() {
    ChatContext context = ChatContext.of(user("a", 0), call("f", "tool", 1), assistant("f", 2));

    assertEquals(1, context.indexById("f"));
    assertEquals(0, context.indexById("a"));
    assertEquals(-1, context.indexById("missing"));
  }

  @Test
  void itemsViewCannotBeChangedButFollowsTheContext() {
    ChatContext context = ChatContext.of(user("a", 1));
    List<ChatItem> view = context.items();

    assertThrows(UnsupportedOperationException.class, () -> view.add(user("b", 2)));
    context.append(user("b", 2));
    assertEquals(2, view.size());
  }

  @Test
  void copyIsIndependentOfTheOriginal() {
    ChatContext context = ChatContext.of(user("a", 1));
    ChatContext copy = context.copy();

    copy.append(user("b", 2));
    context.remove("a");

    assertEquals(List.of("a", "b"), ids(copy));
    assertTrue(context.isEmpty());
  }

  @Test
  void textContentJoinsTextPartsAndSkipsMedia() {
    ChatMessage message = new ChatMessage("m", ChatRole.USER,
        List.of(new TextContent("a"), ImageContent.of("https://x/y.png"), new TextContent("b")),
        false, null, null, 1);

    assertEquals("a\nb", message.textContent());
  }

  @Test
  void textContentIsNullWithoutTextParts() {
    ChatMessage message = new ChatMessage("m", ChatRole.USER,
        List.of(ImageContent.of("https://x/y.png")), false, null, null, 1);

    assertNull(message.textContent());
  }

  @Test
  void itemsRejectTimesThatAreNotFinite() {
    IllegalArgumentException error =
        assertThrows(IllegalArgumentException.class, () -> user("a", Double.NaN));

    assertEquals("message created_at must be finite, was NaN", error.getMessage());
    assertThrows(IllegalArgumentException.class, () -> call("c", "f", Double.POSITIVE_INFINITY));
    assertThrows(IllegalArgumentException.class, () -> TestItems.output("o", "f", Double.NaN));
  }
}
