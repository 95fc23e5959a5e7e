package dev.chatstream.llm.format;

import static dev.chatstream.llm.format.Items.PNG_BASE64;
import static dev.chatstream.llm.format.Items.assistant;
import static dev.chatstream.llm.format.Items.audio;
import static dev.chatstream.llm.format.Items.call;
import static dev.chatstream.llm.format.Items.context;
import static dev.chatstream.llm.format.Items.developer;
import static dev.chatstream.llm.format.Items.groupedCall;
import static dev.chatstream.llm.format.Items.image;
import static dev.chatstream.llm.format.Items.json;
import static dev.chatstream.llm.format.Items.message;
import static dev.chatstream.llm.format.Items.output;
import static dev.chatstream.llm.format.Items.system;
import static dev.chatstream.llm.format.Items.txt;
import static dev.chatstream.llm.format.Items.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.chatstream.llm.chat.ChatItem;
import dev.chatstream.llm.chat.ChatRole;
import dev.chatstream.llm.chat.ImageDetail;
import org.junit.jupiter.api.Test;

class OpenAiChatFormatTest {

  private static ArrayNode format(ChatItem... items) {
    return ProviderFormats.format(context(items), ProviderFormat.OPENAI).messages();
  }

  @Test
  void joinsTextPartsWithNewlineIntoAPlainString() {
    assertEquals(json("[{'role':'user','content':'one\\ntwo'}]"), format(user("u", 1, "one", "two")));
  }

  @Test
  void aMessageWithoutTextHasEmptyStringContent() {
    assertEquals(json("[{'role':'user','content':''}]"), format(message("u", ChatRole.USER, 1)));
  }

  @Test
  void imagesComeFirstThenOneTextPart() {
    assertEquals(
        json("[{'role':'user','content':["
            + "{'type':'image_url','image_url':{'url':'https://example.com/cat.png','detail':'high'}},"
            + "{'type':'image_url','image_url':{'url':'data:image/png;base64," + PNG_BASE64 + "','detail':'auto'}},"
            + "{'type':'text','text':'what is this?\\nand this?'}]}]"),
        format(message("u", ChatRole.USER, 1,
            txt("what is this?"),
            image("img_1", "https://example.com/cat.png", ImageDetail.HIGH, null),
            txt("and this?"),
            image("img_2", Items.PNG_DATA_URL))));
  }

  @Test
  void anImageWithoutTextHasNoTextPart() {
    assertEquals(
        json("[{'role':'user','content':[{'type':'image_url','image_url':{'url':'https://example.com/a.png','detail':'low'}}]}]"),
        format(message("u", ChatRole.USER, 1, image("img_1", "https://example.com/a.png", ImageDetail.LOW, null))));
  }

  @Test
  void rebuildsDataUrlsWithTheExplicitMimeType() {
    ArrayNode messages = format(message("u", ChatRole.USER, 1,
        image("img_1", "data:application/octet-stream;base64," + PNG_BASE64, ImageDetail.AUTO, "image/png")));

    assertEquals("data:image/png;base64," + PNG_BASE64,
        messages.get(0).get("content").get(0).get("image_url").get("url").asText());
  }

  @Test
  void dropsAudio() {
    assertEquals(json("[{'role':'user','content':'hello'}]"),
        format(message("u", ChatRole.USER, 1, audio("hello there"), txt("hello"))));
  }

  @Test
  void passesRolesThroughIncludingDeveloperAndLaterInstructions() {
    assertEquals(
        json("[{'role':'developer','content':'be nice'},{'role':'user','content':'hi'},"
            + "{'role':'system','content':'now French'},{'role':'assistant','content':'salut'}]"),
        format(developer("d", 1, "be nice"), user("u", 2, "hi"), system("s", 3, "now French"),
            assistant("a", 4, "salut")));
  }

  @Test
  void doesNotMergeConsecutiveMessagesOfTheSameRole() {
    assertEquals(2, format(user("u1", 1, "a"), user("u2", 2, "b")).size());
  }

  @Test
  void injectsNoDummyMessage() {
    assertEquals(json("[]"), format());
    assertEquals(json("[{'role':'assistant','content':'hi'}]"), format(assistant("a", 1, "hi")));
  }

  @Test
  void carriesTheGroupsCallsOnItsMessageAndFollowsWithToolMessages() {
    assertEquals(
        json("[{'role':'assistant','content':'checking','tool_calls':["
            + "{'id':'c0','type':'function','function':{'name':'weather','arguments':'{\\\"city\\\":\\\"Paris\\\"}'}},"
            + "{'id':'c1','type':'function','function':{'name':'time','arguments':''}}]},"
            + "{'role':'tool','tool_call_id':'c0','content':'sunny'},"
            + "{'role':'tool','tool_call_id':'c1','content':'noon'}]"),
        format(assistant("M", 1, "checking"),
            call("M/fnc_0", "c0", "weather", "{\"city\":\"Paris\"}", 2),
            call("M/fnc_1", "c1", "time", "", 2),
            output("o0", "c0", "weather", "sunny", 3),
            output("o1", "c1", "time", "noon", 3)));
  }

  @Test
  void aGroupWithoutMessageGetsABareAssistantMessage() {
    ArrayNode messages = format(groupedCall("x", "g", "c0", "weather", "{}", 1), output("o0", "c0", "weather", "sunny", 2));

    assertEquals("assistant", messages.get(0).get("role").asText());
    assertNull(messages.get(0).get("content"));
    assertTrue(messages.get(0).has("tool_calls"));
  }

  @Test
  void leavesOutGroupsWhoseCallsAllLackAnOutput() {
    assertEquals(json("[{'role':'user','content':'weather?'}]"),
        format(user("u", 1, "weather?"), groupedCall("x", "g", "c0", "weather", "{}", 2)));
  }

  @Test
  void keepsInvalidArgumentsVerbatim() {
    ArrayNode messages = format(call("M/fnc_0", "c0", "weather", "{oops", 1), output("o", "c0", "weather", "x", 2));

    assertEquals("{oops", messages.get(0).get("tool_calls").get(0).get("function").get("arguments").asText());
  }
}
