package dev.chatstream.pipeline.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The pipeline's recordings are byte for byte their sources: their hashes match {@code recordings/SOURCES.md}. */
class RecordingsChecksumTest {

  @Test
  void everyRecordingMatchesItsChecksum() throws Exception {
    String sources = new String(Recordings.bytes("SOURCES.md"), StandardCharsets.UTF_8);
    Matcher line = Pattern.compile("(?m)^([0-9a-f]{64})  (\\S+)$").matcher(sources);
    Map<String, String> expected = new LinkedHashMap<>();
    while (line.find()) {
      expected.put(line.group(2), line.group(1));
    }

    assertEquals(1, expected.size(), "checksums listed: " + expected.keySet());
    for (Map.Entry<String, String> entry : expected.entrySet()) {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(Recordings.bytes(entry.getKey()));
      assertEquals(entry.getValue(), HexFormat.of().formatHex(digest), entry.getKey());
    }
  }
}
