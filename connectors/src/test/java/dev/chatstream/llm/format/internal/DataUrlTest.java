package dev.chatstream.llm.format.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatstream.llm.format.ProviderFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DataUrlTest {

  @Test
  void parsesMimeTypeAndBase64Data() {
    assertEquals(new DataUrl("image/png", "aGVsbG8="), DataUrl.parse("data:image/png;base64,aGVsbG8=", "image i"));
  }

  @Test
  void lowerCasesTheMimeTypeAndSkipsParameters() {
    assertEquals(new DataUrl("image/jpeg", "aGVsbG8="),
        DataUrl.parse("DATA:Image/JPEG;name=cat.jpg;BASE64,aGVsbG8=", "image i"));
  }

  @Test
  void aDataUrlWithoutMimeTypeHasNone() {
    assertNull(DataUrl.parse("data:;base64,aGVsbG8=", "image i").mimeType());
  }

  @Test
  void recognizesTheDataScheme() {
    assertTrue(DataUrl.isDataUrl("Data:image/png;base64,x"));
    assertFalse(DataUrl.isDataUrl("https://example.com/cat.png"));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "data:image/png;base64                  | no ','",
      "data:image/png,aGVsbG8=                | only base64-encoded",
      "data:image/png;charset=utf8,aGVsbG8=   | only base64-encoded",
      "data:image/png;base64,                 | carries no data",
      "data:image/png;base64,@@not-base64@@   | not valid base64",
      "https://example.com/x.png              | does not start with 'data:'"})
  void rejectsMalformedDataUrlsSayingWhyWithoutQuotingThem(String url, String why) {
    ProviderFormatException e = assertThrows(ProviderFormatException.class, () -> DataUrl.parse(url, "image img_7"));

    assertTrue(e.getMessage().startsWith("malformed data URL in image img_7: "), e.getMessage());
    assertTrue(e.getMessage().contains(why), e.getMessage());
    assertFalse(e.getMessage().contains("aGVsbG8="), e.getMessage());
  }
}
