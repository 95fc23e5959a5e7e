package dev.chatstream.llm.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The native connectors' fixtures are byte for byte the recorded ones: their hashes match the sources note. */
class NativeFixtureChecksumTest {

  @Test
  void everyFixtureMatchesItsRecordedChecksum() throws Exception {
    Matcher line = Pattern.compile("(?m)^([0-9a-f]{64})  (\\S+)$").matcher(Fixtures.text("NATIVE_SOURCES.md"));
    Map<String, String> expected = new LinkedHashMap<>();
    while (line.find()) {
      expected.put(line.group(2), line.group(1));
    }

    assertEquals(11, expected.size(), "checksums listed: " + expected.keySet());
    for (Map.Entry<String, String> entry : expected.entrySet()) {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(Fixtures.bytes(entry.getKey()));
      assertEquals(entry.getValue(), HexFormat.of().formatHex(digest), entry.getKey());
    }
  }
}
