package dev.chatstream.llm.format;

import static dev.chatstream.llm.format.Items.PNG_BASE64;
import static dev.chatstream.llm.format.Items.call;
import static dev.chatstream.llm.format.Items.context;
import static dev.chatstream.llm.format.Items.image;
import static dev.chatstream.llm.format.Items.message;
import static dev.chatstream.llm.format.Items.output;
import static dev.chatstream.llm.format.Items.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.chatstream.llm.chat.ChatContext;
import dev.chatstream.llm.chat.ChatRole;
import dev.chatstream.llm.chat.ImageDetail;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ProviderFormatsTest {

  @ParameterizedTest
  @EnumSource(ProviderFormat.class)
  void everyFormatRejectsAMalformedDataUrl(ProviderFormat format) {
    ChatContext context = context(message("u", ChatRole.USER, 1, image("img_bad", "data:image/png;base64,%%%")));

    ProviderFormatException e = assertThrows(ProviderFormatException.class, () -> ProviderFormats.format(context, format));

    assertEquals("malformed data URL in image img_bad: its data is not valid base64", e.getMessage());
  }

  @ParameterizedTest
  @EnumSource(ProviderFormat.class)
  void everyFormatRejectsAnUnsupportedImageMimeType(ProviderFormat format) {
    ChatContext context = context(message("u", ChatRole.USER, 1,
        image("img_tiff", "data:image/tiff;base64," + PNG_BASE64)));

    ProviderFormatException e = assertThrows(ProviderFormatException.class, () -> ProviderFormats.format(context, format));

    assertEquals("image img_tiff has unsupported MIME type 'image/tiff' (expected image/jpeg, image/png, image/webp or "
        + "image/gif)", e.getMessage());
  }

  @ParameterizedTest
  @EnumSource(value = ProviderFormat.class, names = {"ANTHROPIC", "AWS", "GOOGLE"})
  void formatsThatSendParsedArgumentsRejectInvalidArgumentsJson(ProviderFormat format) {
    ChatContext context = context(user("u", 1, "x"), call("M/fnc_0", "c0", "weather", "{\"city\": Paris}", 2),
        output("o", "c0", "weather", "sunny", 3));

    ProviderFormatException e = assertThrows(ProviderFormatException.class, () -> ProviderFormats.format(context, format));

    assertTrue(e.getMessage().startsWith(
        "function call 'weather' (id M/fnc_0, call_id c0) has invalid arguments JSON: "), e.getMessage());
  }

  @Test
  void awsRejectsExternalImageUrls() {
    ChatContext context = context(message("u", ChatRole.USER, 1,
        image("img_url", "https://example.com/cat.png", ImageDetail.AUTO, "image/png")));

    ProviderFormatException e = assertThrows(ProviderFormatException.class,
        () -> ProviderFormats.format(context, ProviderFormat.AWS));

    assertEquals("image img_url is an external URL, which AWS Bedrock Converse does not accept; send it as a data URL",
        e.getMessage());
  }

  @Test
  void formattingLeavesTheContextUnchanged() {
    ChatContext context = context(Items.system("s", 1, "a"), user("u", 2, "b"), Items.developer("d", 3, "c"));
    List<?> before = List.copyOf(context.items());

    for (ProviderFormat format : ProviderFormat.values()) {
      ProviderFormats.format(context, format);
    }

    assertEquals(before, context.items());
  }

  @Test
  void formattedContextCopiesItsSystemMessages() {
    List<String> system = new ArrayList<>(List.of("a"));
    FormattedContext formatted = new FormattedContext(
        JsonNodeFactory.instance.arrayNode(), system, null);
    system.add("b");

    assertEquals(List.of("a"), formatted.systemMessages());
  }
}
