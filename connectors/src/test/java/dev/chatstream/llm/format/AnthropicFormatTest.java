package dev.chatstream.llm.format;

import static dev.chatstream.llm.format.Items.PNG_BASE64;
import static dev.chatstream.llm.format.Items.assistant;
import static dev.chatstream.llm.format.Items.audio;
import static dev.chatstream.llm.format.Items.call;
import static dev.chatstream.llm.format.Items.context;
import static dev.chatstream.llm.format.Items.developer;
import static dev.chatstream.llm.format.Items.error;
import static dev.chatstream.llm.format.Items.image;
import static dev.chatstream.llm.format.Items.json;
import static dev.chatstream.llm.format.Items.message;
import static dev.chatstream.llm.format.Items.output;
import static dev.chatstream.llm.format.Items.system;
import static dev.chatstream.llm.format.Items.txt;
import static dev.chatstream.llm.format.Items.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatstream.llm.chat.ChatItem;
import dev.chatstream.llm.chat.ChatRole;
import dev.chatstream.llm.chat.ImageDetail;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnthropicFormatTest {

  private static FormattedContext format(ChatItem... items) {
    return ProviderFormats.format(context(items), ProviderFormat.ANTHROPIC);
  }

  @Test
  void mergesConsecutiveItemsOfTheSameRole() {
    assertEquals(
        json("[{'role':'user','content':[{'type':'text','text':'a'},{'type':'text','text':'b'}]},"
            + "{'role':'assistant','content':[{'type':'text','text':'c'}]}]"),
        format(user("u1", 1, "a"), user("u2", 2, "b"), assistant("a", 3, "c")).messages());
  }

  @Test
  void callsJoinTheAssistantTurnAndOutputsTheUserTurn() {
    assertEquals(
        json("[{'role':'user','content':[{'type':'text','text':'weather?'}]},"
            + "{'role':'assistant','content':[{'type':'text','text':'checking'},"
            + "{'type':'tool_use','id':'c0','name':'weather','input':{'city':'Paris'}}]},"
            + "{'role':'user','content':[{'type':'tool_result','tool_use_id':'c0','content':'sunny','is_error':false},"
            + "{'type':'text','text':'thanks'}]}]"),
        format(user("u", 1, "weather?"), assistant("M", 2, "checking"),
            call("M/fnc_0", "c0", "weather", "{\"city\":\"Paris\"}", 3), output("o0", "c0", "weather", "sunny", 4),
            user("u2", 5, "thanks")).messages());
  }

  @Test
  void putsTheSystemMessageApart() {
    FormattedContext formatted = format(system("s", 1, "be nice", "", "be brief"), user("u", 2, "hi"));

    assertEquals(List.of("be nice", "be brief"), formatted.systemMessages());
    assertEquals(json("[{'role':'user','content':[{'type':'text','text':'hi'}]}]"), formatted.messages());
    assertNull(formatted.instructions());
  }

  @Test
  void aFirstDeveloperMessageIsTheSystemPrompt() {
    assertEquals(List.of("be nice"), format(developer("d", 1, "be nice"), user("u", 2, "hi")).systemMessages());
  }

  @Test
  void turnsLaterInstructionsIntoUserMessages() {
    FormattedContext formatted = format(system("s", 1, "be nice"), user("u", 2, "hi"), assistant("a", 3, "hello"),
        developer("d", 4, "speak French"));

    assertEquals(List.of("be nice"), formatted.systemMessages());
    assertEquals(json("{'role':'user','content':[{'type':'text','text':'<instructions>\\nspeak French\\n</instructions>'}]}"),
        formatted.messages().get(2));
  }

  @Test
  void skipsEmptyTextAndAudio() {
    assertEquals(json("[{'role':'user','content':[{'type':'text','text':'x'}]}]"),
        format(message("u", ChatRole.USER, 1, txt(""), audio("hi"), txt("x"))).messages());
  }

  @Test
  void anItemWithNothingToSendDoesNotSplitATurn() {
    assertEquals(
        json("[{'role':'user','content':[{'type':'text','text':'a'},{'type':'text','text':'b'}]}]"),
        format(user("u1", 1, "a"), assistant("a", 2, ""), user("u2", 3, "b")).messages());
  }

  @Test
  void emptyArgumentsBecomeAnEmptyInput() {
    assertEquals(json("{}"), format(user("u", 1, "x"), call("M/fnc_0", "c0", "now", "", 2),
        output("o", "c0", "now", "noon", 3)).messages().get(1).get("content").get(0).get("input"));
  }

  @Test
  void invalidArgumentsAreAnErrorNamingTheCall() {
    ProviderFormatException e = assertThrows(ProviderFormatException.class,
        () -> format(user("u", 1, "x"), call("M/fnc_0", "c0", "weather", "{\"city\":", 2),
            output("o", "c0", "weather", "sunny", 3)));

    assertTrue(e.getMessage().startsWith(
        "function call 'weather' (id M/fnc_0, call_id c0) has invalid arguments JSON"), e.getMessage());
  }

  @Test
  void toolResultsCarryIsError() {
    assertEquals(
        json("{'type':'tool_result','tool_use_id':'c0','content':'boom','is_error':true}"),
        format(user("u", 1, "x"), call("M/fnc_0", "c0", "weather", "{}", 2), error("o", "c0", "weather", "boom", 3))
            .messages().get(2).get("content").get(0));
  }

  @Test
  void sendsImagesAsUrlOrBase64Sources() {
    assertEquals(
        json("[{'role':'user','content':["
            + "{'type':'image','source':{'type':'url','url':'https://example.com/cat.png'}},"
            + "{'type':'image','source':{'type':'base64','media_type':'image/jpeg','data':'" + PNG_BASE64 + "'}},"
            + "{'type':'text','text':'what?'}]}]"),
        format(message("u", ChatRole.USER, 1,
            image("img_1", "https://example.com/cat.png"),
            image("img_2", Items.PNG_DATA_URL, ImageDetail.AUTO, "image/jpeg"),
            txt("what?"))).messages());
  }

  @Test
  void prependsAnEmptyUserMessageWhenTheFirstIsNotFromTheUser() {
    assertEquals(
        json("[{'role':'user','content':[{'type':'text','text':'(empty)'}]},"
            + "{'role':'assistant','content':[{'type':'text','text':'hi'}]}]"),
        format(system("s", 0, "be nice"), assistant("a", 1, "hi")).messages());
    assertEquals(json("[{'role':'user','content':[{'type':'text','text':'(empty)'}]}]"), format().messages());
  }

  @Test
  void prependsNothingWhenDummyInjectionIsOff() {
    FormattedContext formatted = ProviderFormats.format(context(assistant("a", 1, "hi")), ProviderFormat.ANTHROPIC,
        FormatOptions.defaults().withInjectDummyUserMessage(false));

    assertEquals(json("[{'role':'assistant','content':[{'type':'text','text':'hi'}]}]"), formatted.messages());
  }
}
