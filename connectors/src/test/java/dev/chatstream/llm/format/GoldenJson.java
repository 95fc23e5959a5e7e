package dev.chatstream.llm.format;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.TreeSet;

/**
 * Golden JSON files under {@code src/test/resources/golden/}, compared as JSON trees. Run with
 * {@code -Dgolden.update=true} to rewrite them from the current output (then review the diff).
 */
final class GoldenJson {
  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final Path SOURCE_ROOT = Path.of("src", "test", "resources", "golden");
  private static final int MAX_DIFFERENCES = 20;

  private GoldenJson() {}

  /** Asserts that {@code actual} equals the golden file {@code relativePath}, or rewrites it in update mode. */
  static void assertMatches(String relativePath, JsonNode actual) throws IOException {
    if (Boolean.getBoolean("golden.update")) {
      Path file = SOURCE_ROOT.resolve(relativePath);
      Files.createDirectories(file.getParent());
      Files.writeString(file, MAPPER.writeValueAsString(actual) + "\n", StandardCharsets.UTF_8);
      return;
    }
    JsonNode expected;
    try (InputStream in = GoldenJson.class.getResourceAsStream("/golden/" + relativePath)) {
      assertNotNull(in, "missing golden file golden/" + relativePath + " (run with -Dgolden.update=true to create it)");
      expected = MAPPER.readTree(in);
    }
    if (!expected.equals(actual)) {
      List<String> differences = new ArrayList<>();
      diff("", expected, actual, differences);
      fail("output differs from golden/" + relativePath + ":\n  " + String.join("\n  ", differences)
          + "\nactual:\n" + MAPPER.writeValueAsString(actual));
    }
  }

  /** Appends one line per difference between the trees, named by JSON pointer. */
  static void diff(String path, JsonNode expected, JsonNode actual, List<String> out) {
    if (out.size() >= MAX_DIFFERENCES || expected.equals(actual)) {
      return;
    }
    if (expected.isObject() && actual.isObject()) {
      TreeSet<String> names = new TreeSet<>();
      expected.fieldNames().forEachRemaining(names::add);
      actual.fieldNames().forEachRemaining(names::add);
      for (String name : names) {
        String child = path + "/" + name;
        if (!actual.has(name)) {
          out.add(child + ": missing (expected " + expected.get(name) + ")");
        } else if (!expected.has(name)) {
          out.add(child + ": unexpected " + actual.get(name));
        } else {
          diff(child, expected.get(name), actual.get(name), out);
        }
      }
    } else if (expected.isArray() && actual.isArray()) {
      Iterator<JsonNode> e = expected.elements();
      Iterator<JsonNode> a = actual.elements();
      for (int i = 0; e.hasNext() || a.hasNext(); i++) {
        if (!a.hasNext()) {
          out.add(path + "/" + i + ": missing (expected " + e.next() + ")");
        } else if (!e.hasNext()) {
          out.add(path + "/" + i + ": unexpected " + a.next());
        } else {
          diff(path + "/" + i, e.next(), a.next(), out);
        }
      }
    } else {
      out.add((path.isEmpty() ? "/" : path) + ": expected " + expected + " but was " + actual);
    }
  }
}
