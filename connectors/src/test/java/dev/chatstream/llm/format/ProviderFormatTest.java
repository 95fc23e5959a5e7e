package dev.chatstream.llm.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ProviderFormatTest {

  @ParameterizedTest
  @EnumSource(ProviderFormat.class)
  void wireNamesRoundTrip(ProviderFormat format) {
    assertEquals(format, ProviderFormat.fromWireName(format.wireName()));
  }

  @Test
  void wireNamesAreLiveKitsFormatNames() {
    assertEquals("openai.responses", ProviderFormat.OPENAI_RESPONSES.wireName());
    assertEquals("mistralai", ProviderFormat.MISTRALAI.wireName());
  }

  @Test
  void anUnknownNameIsAClearError() {
    ProviderFormatException e = assertThrows(ProviderFormatException.class, () -> ProviderFormat.fromWireName("cohere"));

    assertEquals("unsupported provider format 'cohere' (expected openai, openai.responses, anthropic, google, aws or mistralai)",
        e.getMessage());
  }
}
