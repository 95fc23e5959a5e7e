package dev.chatstream.llm.format;

import static dev.chatstream.llm.format.Items.PNG_BASE64;
import static dev.chatstream.llm.format.Items.assistant;
import static dev.chatstream.llm.format.Items.call;
import static dev.chatstream.llm.format.Items.context;
import static dev.chatstream.llm.format.Items.developer;
import static dev.chatstream.llm.format.Items.error;
import static dev.chatstream.llm.format.Items.image;
import static dev.chatstream.llm.format.Items.json;
import static dev.chatstream.llm.format.Items.message;
import static dev.chatstream.llm.format.Items.system;
import static dev.chatstream.llm.format.Items.txt;
import static dev.chatstream.llm.format.Items.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.chatstream.llm.chat.ChatItem;
import dev.chatstream.llm.chat.ChatRole;
import java.util.List;
import org.junit.jupiter.api.Test;

class MistralFormatTest {

  private static FormattedContext format(ChatItem... items) {
    return ProviderFormats.format(context(items), ProviderFormat.MISTRALAI);
  }

  @Test
  void theLastSystemOrDeveloperTextIsTheInstructions() {
    FormattedContext formatted = format(system("s", 1, "be nice"), user("u", 2, "hi"), developer("d", 3, "be", "brief"));

    assertEquals("be\nbrief", formatted.instructions());
    assertEquals(List.of(), formatted.systemMessages());
    assertEquals(json("[{'type':'message.input','role':'user','content':'hi'}]"), formatted.messages());
  }

  @Test
  void noInstructionMessageMeansNoInstructions() {
    assertNull(format(user("u", 1, "hi")).instructions());
  }

  @Test
  void sendsMessagesCallsAndResultsAsEntries() {
    assertEquals(
        json("[{'type':'message.input','role':'user','content':'weather?'},"
            + "{'type':'message.output','role':'assistant','content':'checking'},"
            + "{'type':'function.call','tool_call_id':'c0','name':'weather','arguments':'{\\\"city\\\":\\\"Paris\\\"}'},"
            + "{'type':'function.result','tool_call_id':'c0','result':'boom'}]"),
        format(user("u", 1, "weather?"), assistant("M", 2, "checking"),
            call("M/fnc_0", "c0", "weather", "{\"city\":\"Paris\"}", 3), error("o", "c0", "weather", "boom", 4))
            .messages());
  }

  @Test
  void sendsImagesAsImageUrlChunksBeforeTheText() {
    assertEquals(
        json("[{'type':'message.input','role':'user','content':[{'type':'image_url','image_url':'https://example.com/cat.png'},"
            + "{'type':'image_url','image_url':'data:image/png;base64," + PNG_BASE64 + "'},{'type':'text','text':'what?'}]}]"),
        format(message("u", ChatRole.USER, 1, txt("what?"), image("img_1", "https://example.com/cat.png"),
            image("img_2", Items.PNG_DATA_URL))).messages());
  }

  @Test
  void injectsNoDummyMessage() {
    assertEquals(json("[{'type':'message.output','role':'assistant','content':'hi'}]"),
        format(assistant("a", 1, "hi")).messages());
  }
}
