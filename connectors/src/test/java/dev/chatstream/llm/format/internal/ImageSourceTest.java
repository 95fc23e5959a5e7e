package dev.chatstream.llm.format.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatstream.llm.chat.ImageContent;
import dev.chatstream.llm.chat.ImageDetail;
import dev.chatstream.llm.format.ProviderFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ImageSourceTest {
  private static final String DATA = "aGVsbG8=";

  private static ImageContent image(String url, String mimeType) {
    return new ImageContent("img_1", url, null, null, ImageDetail.AUTO, mimeType);
  }

  @Test
  void externalUrlsStayExternalWithTheirExplicitMimeType() {
    assertEquals(new ImageSource.External("https://example.com/cat", "image/png"),
        ImageSource.of(image("https://example.com/cat", "Image/PNG")));
    assertEquals(new ImageSource.External("https://example.com/cat", null),
        ImageSource.of(image("https://example.com/cat", null)));
  }

  @Test
  void dataUrlsBecomeInlineWithTheUrlsMimeType() {
    ImageSource.Inline inline = (ImageSource.Inline) ImageSource.of(image("data:image/webp;base64," + DATA, null));

    assertEquals(new ImageSource.Inline("image/webp", DATA), inline);
    assertEquals("webp", inline.format());
    assertEquals("data:image/webp;base64," + DATA, inline.url());
  }

  @Test
  void anExplicitMimeTypeWinsOverTheDataUrls() {
    ImageSource source = ImageSource.of(image("data:application/octet-stream;base64," + DATA, "image/gif"));

    assertEquals(new ImageSource.Inline("image/gif", DATA), source);
    assertEquals("data:image/gif;base64," + DATA, source.url());
  }

  @ParameterizedTest
  @ValueSource(strings = {"image/jpeg", "image/png", "image/webp", "image/gif"})
  void acceptsJpegPngWebpAndGif(String mime) {
    assertEquals(mime, ((ImageSource.Inline) ImageSource.of(image("data:" + mime + ";base64," + DATA, null))).mimeType());
  }

  @ParameterizedTest
  @ValueSource(strings = {"image/bmp", "image/svg+xml", "image/tiff", "application/pdf"})
  void rejectsOtherMimeTypes(String mime) {
    ProviderFormatException e = assertThrows(ProviderFormatException.class,
        () -> ImageSource.of(image("data:" + mime + ";base64," + DATA, null)));

    assertEquals("image img_1 has unsupported MIME type '" + mime
        + "' (expected image/jpeg, image/png, image/webp or image/gif)", e.getMessage());
  }

  @Test
  void rejectsADataUrlWithNoMimeTypeAnywhere() {
    ProviderFormatException e = assertThrows(ProviderFormatException.class,
        () -> ImageSource.of(image("data:;base64," + DATA, null)));

    assertTrue(e.getMessage().contains("has no MIME type"), e.getMessage());
  }

  @Test
  void rejectsAnEmptyImageUrl() {
    ProviderFormatException e = assertThrows(ProviderFormatException.class, () -> ImageSource.of(image(" ", null)));

    assertEquals("image img_1 has an empty URL", e.getMessage());
  }
}
