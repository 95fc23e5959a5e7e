package dev.chatstream.llm.internal.responses;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.chatstream.llm.chat.ChatContext;
import dev.chatstream.llm.chat.ChatMessage;
import dev.chatstream.llm.chat.ChatRole;
import dev.chatstream.llm.chat.TextContent;
import dev.chatstream.llm.format.FormattedItem;
import dev.chatstream.llm.format.ProviderFormats;
import dev.chatstream.llm.state.ResponseChain;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The {@code previous_response_id} rules on formatted input, apart from any transport. */
class ResponseChainsTest {

  private static final String ENDPOINT = "https://api.openai.com/v1";

  @Test
  void theDigestCoversTheContentNotOnlyTheIds() {
    List<FormattedItem> original = input(message("u1", ChatRole.USER, "hello"));
    List<FormattedItem> edited = input(message("u1", ChatRole.USER, "hello!"));

    assertEquals(InputDigest.of(original, 1), InputDigest.of(input(message("u1", ChatRole.USER, "hello")), 1));
    assertNotEquals(InputDigest.of(original, 1), InputDigest.of(edited, 1));
    assertEquals(32, InputDigest.of(original, 1).length());
  }

  @Test
  void aChainContinuesAfterItsReply() {
    List<FormattedItem> first = input(message("u1", ChatRole.USER, "hi"));
    ResponseChain chain = ResponseChains.after("resp_1", first, ENDPOINT, "gpt-4.1", "r1", 1);
    List<FormattedItem> next = input(message("u1", ChatRole.USER, "hi"), message("r1", ChatRole.ASSISTANT, "hello"),
        message("u2", ChatRole.USER, "again"));

    InputPlan plan = ResponseChains.plan(next, chain, ENDPOINT, "gpt-4.1");

    assertEquals("resp_1", plan.previousResponseId());
    assertEquals(List.of("u2"), plan.input().stream().map(FormattedItem::itemId).toList());
  }

  @Test
  void withoutAReplyIdTheReplyIsSentAgainAsInput() {
    List<FormattedItem> first = input(message("u1", ChatRole.USER, "hi"));
    ResponseChain chain = ResponseChains.after("resp_1", first, ENDPOINT, "gpt-4.1", null, 1);
    List<FormattedItem> next = input(message("u1", ChatRole.USER, "hi"), message("a1", ChatRole.ASSISTANT, "hello"),
        message("u2", ChatRole.USER, "again"));

    InputPlan plan = ResponseChains.plan(next, chain, ENDPOINT, "gpt-4.1");

    assertEquals(0, chain.replyItems());
    assertEquals(List.of("a1", "u2"), plan.input().stream().map(FormattedItem::itemId).toList());
  }

  @Test
  void aContextShorterThanTheChainOrWithNothingNewSendsEverything() {
    List<FormattedItem> two = input(message("u1", ChatRole.USER, "hi"), message("u2", ChatRole.USER, "there"));
    ResponseChain chain = ResponseChains.after("resp_1", two, ENDPOINT, "gpt-4.1", "r1", 0);

    InputPlan shorter = ResponseChains.plan(two.subList(0, 1), chain, ENDPOINT, "gpt-4.1");
    InputPlan nothingNew = ResponseChains.plan(two, chain, ENDPOINT, "gpt-4.1");

    assertNull(shorter.previousResponseId());
    assertNull(nothingNew.previousResponseId());
    assertEquals(2, nothingNew.input().size());
  }

  @Test
  void aReplyItemAfterNewerItemsSendsEverything() {
    List<FormattedItem> first = input(message("u1", ChatRole.USER, "hi"));
    ResponseChain chain = ResponseChains.after("resp_1", first, ENDPOINT, "gpt-4.1", "r1", 1);
    List<FormattedItem> reordered = input(message("u1", ChatRole.USER, "hi"), message("u2", ChatRole.USER, "x"),
        message("r1", ChatRole.ASSISTANT, "hello"));

    assertNull(ResponseChains.plan(reordered, chain, ENDPOINT, "gpt-4.1").previousResponseId());
    assertNull(ResponseChains.plan(input(message("u1", ChatRole.USER, "hi"), message("r1", ChatRole.ASSISTANT, "a"),
        message("u2", ChatRole.USER, "b")), chain, "https://elsewhere.example/v1", "gpt-4.1").previousResponseId());
  }

  private static ChatMessage message(String id, ChatRole role, String text) {
    return new ChatMessage(id, role, List.of(new TextContent(text)), false, null, Map.of(), 1);
  }

  private static List<FormattedItem> input(ChatMessage... messages) {
    return ProviderFormats.responsesInput(ChatContext.of(messages));
  }
}
