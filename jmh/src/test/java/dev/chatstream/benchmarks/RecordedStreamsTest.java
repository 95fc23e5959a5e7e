package dev.chatstream.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The bundled streams are byte for byte the recorded ones, and every benchmark's stream is bundled. */
class RecordedStreamsTest {

  @Test
  void everyBundledStreamMatchesItsRecordedChecksum() throws Exception {
    String sources = new String(RecordedStreams.bytes("SOURCES.md"), StandardCharsets.UTF_8);
    Matcher line = Pattern.compile("(?m)^([0-9a-f]{64})  (\\S+)$").matcher(sources);
    Map<String, String> expected = new LinkedHashMap<>();
    while (line.find()) {
      expected.put(line.group(2), line.group(1));
    }

    assertEquals(Set.copyOf(BenchmarkParams.values(ChatCompletionsStreamBenchmark.class, "stream")), expected.keySet());
    for (Map.Entry<String, String> entry : expected.entrySet()) {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(RecordedStreams.bytes(entry.getKey()));
      assertEquals(entry.getValue(), HexFormat.of().formatHex(digest), entry.getKey());
    }
  }

  @Test
  void unknownStreamIsRejectedWithItsPath() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RecordedStreams.bytes("openai/none.sse"));
    assertEquals("no recorded stream 'fixtures/openai/none.sse' on the class path", e.getMessage());
  }
}
