package dev.chatstream.pipeline.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The recorded provider streams kept in the pipeline's own test resources, under {@code recordings/}
 * ({@code SOURCES.md} there says where each comes from); the connectors' recordings are read with their
 * {@code Fixtures}.
 */
public final class Recordings {
  private Recordings() {}

  /** The bytes of {@code recordings/<path>}. */
  public static byte[] bytes(String path) {
    try (InputStream in = Recordings.class.getResourceAsStream("/recordings/" + path)) {
      if (in == null) {
        throw new IllegalArgumentException("no recording " + path);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
