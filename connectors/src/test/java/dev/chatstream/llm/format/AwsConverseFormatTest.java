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
import static dev.chatstream.llm.format.Items.system;
import static dev.chatstream.llm.format.Items.txt;
import static dev.chatstream.llm.format.Items.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.chatstream.llm.chat.ChatItem;
import dev.chatstream.llm.chat.ChatRole;
import dev.chatstream.llm.chat.ImageDetail;
import java.util.List;
import org.junit.jupiter.api.Test;

class AwsConverseFormatTest {

  private static FormattedContext format(ChatItem... items) {
    return ProviderFormats.format(context(items), ProviderFormat.AWS);
  }

  @Test
  void mergesByRoleWithConverseBlocks() {
    assertEquals(
        json("[{'role':'user','content':[{'text':'weather?'}]},"
            + "{'role':'assistant','content':[{'text':'checking'},"
            + "{'toolUse':{'toolUseId':'c0','name':'weather','input':{'city':'Paris'}}}]},"
            + "{'role':'user','content':[{'toolResult':{'toolUseId':'c0','content':[{'text':'sunny'}],'status':'success'}}]}]"),
        format(user("u", 1, "weather?"), assistant("M", 2, "checking"),
            call("M/fnc_0", "c0", "weather", "{\"city\":\"Paris\"}", 3),
            output("o0", "c0", "weather", "sunny", 4)).messages());
  }

  @Test
  void toolResultStatusIsSuccessEvenForErrors() {
    assertEquals("success", format(user("u", 1, "x"), call("M/fnc_0", "c0", "weather", "{}", 2),
        error("o", "c0", "weather", "boom", 3)).messages().get(2).get("content").get(0).get("toolResult")
        .get("status").asText());
  }

  @Test
  void putsTheSystemMessageApartAndLaterInstructionsInUserMessages() {
    FormattedContext formatted = format(developer("d", 1, "be nice"), user("u", 2, "hi"), system("s", 3, "be brief"));

    assertEquals(List.of("be nice"), formatted.systemMessages());
    assertEquals(json("[{'role':'user','content':[{'text':'hi'},{'text':'<instructions>\\nbe brief\\n</instructions>'}]}]"),
        formatted.messages());
  }

  @Test
  void sendsImagesAsBytesWithTheirFormat() {
    assertEquals(
        json("[{'role':'user','content':[{'image':{'format':'png','source':{'bytes':'" + PNG_BASE64 + "'}}},"
            + "{'image':{'format':'webp','source':{'bytes':'" + PNG_BASE64 + "'}}},{'text':'what?'}]}]"),
        format(message("u", ChatRole.USER, 1, image("img_1", Items.PNG_DATA_URL),
            image("img_2", Items.PNG_DATA_URL, ImageDetail.AUTO, "image/webp"), txt("what?"))).messages());
  }

  @Test
  void rejectsExternalImageUrlsWithoutQuotingThem() {
    ProviderFormatException e = assertThrows(ProviderFormatException.class, () -> format(
        message("u", ChatRole.USER, 1, image("img_9", "https://bucket.example.com/cat.png?X-Amz-Signature=secret"))));

    assertEquals("image img_9 is an external URL, which AWS Bedrock Converse does not accept; send it as a data URL",
        e.getMessage());
    assertFalse(e.getMessage().contains("secret"));
  }

  @Test
  void prependsAnEmptyUserMessageWhenTheFirstIsNotFromTheUser() {
    assertEquals(json("[{'role':'user','content':[{'text':'(empty)'}]},{'role':'assistant','content':[{'text':'hi'}]}]"),
        format(assistant("a", 1, "hi")).messages());
  }

  @Test
  void prependsNothingWhenDummyInjectionIsOff() {
    assertEquals(json("[{'role':'assistant','content':[{'text':'hi'}]}]"),
        ProviderFormats.format(context(assistant("a", 1, "hi")), ProviderFormat.AWS, new FormatOptions(false))
            .messages());
  }
}
