package dev.chatstream.llm.openai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatstream.llm.testing.Fixtures;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The copied fixtures are byte for byte the recorded ones: their hashes match the sources note. */
class FixtureChecksumTest {

  @ParameterizedTest
  @CsvSource({
      "CHAT_COMPLETIONS_SOURCES.md, 10, openai-compat/groq-deepseek-r1-think-tags.sse",
      "RESPONSES_SOURCES.md, 7, openai/responses-web-search-cached-tokens.sse"})
  void everyFixtureMatchesItsRecordedChecksum(String note, int count, String sample) throws Exception {
    Matcher line = Pattern.compile("(?m)^([0-9a-f]{64})  (\\S+)$").matcher(Fixtures.text(note));
    Map<String, String> expected = new LinkedHashMap<>();
    while (line.find()) {
      expected.put(line.group(2), line.group(1));
    }

    assertEquals(count, expected.size(), "checksums listed: " + expected.keySet());
    for (Map.Entry<String, String> entry : expected.entrySet()) {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(Fixtures.bytes(entry.getKey()));
      assertEquals(entry.getValue(), HexFormat.of().formatHex(digest), entry.getKey());
    }
    assertTrue(expected.containsKey(sample));
  }
}
