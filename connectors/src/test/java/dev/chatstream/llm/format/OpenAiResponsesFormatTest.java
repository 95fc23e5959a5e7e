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
import static dev.chatstream.llm.format.Items.output;
import static dev.chatstream.llm.format.Items.txt;
import static dev.chatstream.llm.format.Items.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.List;
import dev.chatstream.llm.chat.ChatItem;
import dev.chatstream.llm.chat.ChatRole;
import dev.chatstream.llm.chat.ImageDetail;
import org.junit.jupiter.api.Test;

class OpenAiResponsesFormatTest {

  private static ArrayNode format(ChatItem... items) {
    return ProviderFormats.format(context(items), ProviderFormat.OPENAI_RESPONSES).messages();
  }

  @Test
  void responsesInputNamesTheItemOfEveryElementInTheFormattedOrder() {
    ChatItem[] items = {user("u1", 1, "weather?"), assistant("m1", 2, "checking"),
        call("m1/fnc_0", "c1", "weather", "{}", 3), user("u2", 4, "and tomorrow?"),
        output("o1", "c1", "weather", "sunny", 5), call("m1/fnc_1", "c2", "orphan", "{}", 6)};

    List<FormattedItem> input = ProviderFormats.responsesInput(context(items));

    assertEquals(List.of("u1", "m1", "m1/fnc_0", "o1", "u2"), input.stream().map(FormattedItem::itemId).toList());
    ArrayNode whole = format(items);
    for (int i = 0; i < input.size(); i++) {
      assertEquals(whole.get(i), input.get(i).json());
    }
    assertEquals(whole.size(), input.size());
  }

  @Test
  void sendsMessagesAsInputTextParts() {
    assertEquals(
        json("[{'role':'developer','content':[{'type':'input_text','text':'be nice'}]},"
            + "{'role':'user','content':[{'type':'input_text','text':'one\\ntwo'}]}]"),
        format(developer("d", 1, "be nice"), user("u", 2, "one", "two")));
  }

  @Test
  void sendsAssistantTextAsOutputText() {
    assertEquals(json("[{'role':'assistant','content':[{'type':'output_text','text':'hello'}]}]"),
        format(assistant("a", 1, "hello")));
  }

  @Test
  void sendsImagesAsInputImagePartsBeforeTheText() {
    assertEquals(
        json("[{'role':'user','content':["
            + "{'type':'input_image','image_url':'https://example.com/cat.png','detail':'high'},"
            + "{'type':'input_image','image_url':'data:image/png;base64," + PNG_BASE64 + "','detail':'auto'},"
            + "{'type':'input_text','text':'what?'}]}]"),
        format(message("u", ChatRole.USER, 1, txt("what?"),
            image("img_1", "https://example.com/cat.png", ImageDetail.HIGH, null),
            image("img_2", Items.PNG_DATA_URL))));
  }

  @Test
  void rejectsImagesInAssistantMessages() {
    ProviderFormatException e = assertThrows(ProviderFormatException.class,
        () -> format(message("a", ChatRole.ASSISTANT, 1, image("img_1", "https://example.com/cat.png"))));

    assertEquals("assistant message a has images, which the Responses API accepts only from users and instructions",
        e.getMessage());
  }

  @Test
  void sendsCallsAndOutputsAsItemsWithoutIsError() {
    assertEquals(
        json("[{'role':'assistant','content':[{'type':'output_text','text':'checking'}]},"
            + "{'type':'function_call','call_id':'c0','name':'weather','arguments':'{}'},"
            + "{'type':'function_call_output','call_id':'c0','output':'boom'}]"),
        format(assistant("M", 1, "checking"), call("M/fnc_0", "c0", "weather", "{}", 2),
            error("o0", "c0", "weather", "boom", 3)));
  }

  @Test
  void dropsOrphanOutputs() {
    assertEquals(json("[{'role':'user','content':[{'type':'input_text','text':'hi'}]}]"),
        format(user("u", 1, "hi"), output("o", "nope", "weather", "sunny", 2)));
  }
}
