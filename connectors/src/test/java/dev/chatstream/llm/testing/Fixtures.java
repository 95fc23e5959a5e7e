package dev.chatstream.llm.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The recorded provider responses under {@code src/test/resources/fixtures}. */
public final class Fixtures {

  private Fixtures() {}

  /** The bytes of {@code fixtures/<path>}. */
  public static byte[] bytes(String path) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/" + path)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + path);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The text of {@code fixtures/<path>} (UTF-8). */
  public static String text(String path) {
    return new String(bytes(path), java.nio.charset.StandardCharsets.UTF_8);
  }
}
