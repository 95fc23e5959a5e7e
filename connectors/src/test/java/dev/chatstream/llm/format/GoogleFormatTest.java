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
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.chatstream.llm.chat.ChatItem;
import dev.chatstream.llm.chat.ChatRole;
import dev.chatstream.llm.chat.FunctionCall;
import dev.chatstream.llm.chat.ImageDetail;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GoogleFormatTest {

  private static FormattedContext format(ChatItem... items) {
    return ProviderFormats.format(context(items), ProviderFormat.GOOGLE);
  }

  @Test
  void mergesByRoleAndRenamesToolTurnsToUserWithoutMergingThem() {
    assertEquals(
        json("[{'role':'user','parts':[{'text':'weather?'}]},"
            + "{'role':'model','parts':[{'text':'checking'},{'function_call':{'id':'c0','name':'weather','args':{'city':'Paris'}}},"
            + "{'function_call':{'id':'c1','name':'time','args':{}}}]},"
            + "{'role':'user','parts':[{'function_response':{'id':'c0','name':'weather','response':{'output':'sunny'}}},"
            + "{'function_response':{'id':'c1','name':'time','response':{'error':'no clock'}}}]},"
            + "{'role':'user','parts':[{'text':'thanks'}]}]"),
        format(user("u", 1, "weather?"), assistant("M", 2, "checking"),
            call("M/fnc_0", "c0", "weather", "{\"city\":\"Paris\"}", 3), call("M/fnc_1", "c1", "time", "", 3),
            output("o0", "c0", "weather", "sunny", 4), error("o1", "c1", "time", "no clock", 4),
            user("u2", 5, "thanks")).messages());
  }

  @Test
  void putsTheSystemInstructionApartAndLaterInstructionsInUserTurns() {
    FormattedContext formatted = format(system("s", 1, "be nice"), user("u", 2, "hi"), developer("d", 3, "be brief"));

    assertEquals(List.of("be nice"), formatted.systemMessages());
    assertEquals(json("[{'role':'user','parts':[{'text':'hi'},{'text':'<instructions>\\nbe brief\\n</instructions>'}]}]"),
        formatted.messages());
  }

  @Test
  void sendsUrlImagesAsFileDataDefaultingToJpeg() {
    assertEquals(
        json("[{'role':'user','parts':[{'file_data':{'file_uri':'https://example.com/cat','mime_type':'image/jpeg'}},"
            + "{'file_data':{'file_uri':'https://example.com/dog','mime_type':'image/png'}},{'text':'what?'}]}]"),
        format(message("u", ChatRole.USER, 1, image("img_1", "https://example.com/cat"),
            image("img_2", "https://example.com/dog", ImageDetail.AUTO, "image/png"), txt("what?"))).messages());
  }

  @Test
  void rejectsUrlImagesWithAnUnsupportedExplicitMimeType() {
    ProviderFormatException e = assertThrows(ProviderFormatException.class, () -> format(message("u", ChatRole.USER, 1,
        image("img_1", "https://example.com/cat.bmp", ImageDetail.AUTO, "image/bmp"))));

    assertEquals("image img_1 has unsupported MIME type 'image/bmp' (expected image/jpeg, image/png, image/webp or image/gif)",
        e.getMessage());
  }

  @Test
  void sendsDataUrlImagesAsInlineData() {
    assertEquals(json("[{'role':'user','parts':[{'inline_data':{'mime_type':'image/png','data':'" + PNG_BASE64 + "'}}]}]"),
        format(message("u", ChatRole.USER, 1, image("img_1", Items.PNG_DATA_URL))).messages());
  }

  @Test
  void sendsAThoughtSignatureBackWithItsCall() {
    FunctionCall signed = new FunctionCall("M/fnc_0", "c0", "weather", "{}", 2,
        Map.of("google", Map.of("thought_signature", "c2lnbmF0dXJl")), null);

    assertEquals(
        json("{'function_call':{'id':'c0','name':'weather','args':{}},'thought_signature':'c2lnbmF0dXJl'}"),
        format(user("u", 1, "x"), signed, output("o", "c0", "weather", "sunny", 3)).messages().get(1).get("parts").get(0));
  }

  @Test
  void appendsADotUserTurnWhenTheLastTurnIsNotTheUsers() {
    assertEquals(
        json("[{'role':'user','parts':[{'text':'hi'}]},{'role':'model','parts':[{'text':'hello'}]},"
            + "{'role':'user','parts':[{'text':'.'}]}]"),
        format(user("u", 1, "hi"), assistant("a", 2, "hello")).messages());
    assertEquals(json("[{'role':'user','parts':[{'text':'.'}]}]"), format().messages());
  }

  @Test
  void appendsNothingAfterAToolTurnBecauseItIsNowAUserTurn() {
    assertEquals("user", format(user("u", 1, "x"), call("M/fnc_0", "c0", "weather", "{}", 2),
        output("o", "c0", "weather", "sunny", 3)).messages().get(2).get("role").asText());
    assertEquals(3, format(user("u", 1, "x"), call("M/fnc_0", "c0", "weather", "{}", 2),
        output("o", "c0", "weather", "sunny", 3)).messages().size());
  }

  @Test
  void appendsNothingWhenDummyInjectionIsOff() {
    assertEquals(json("[{'role':'model','parts':[{'text':'hello'}]}]"),
        ProviderFormats.format(context(assistant("a", 1, "hello")), ProviderFormat.GOOGLE, new FormatOptions(false))
            .messages());
  }
}
