package dev.chatstream.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The recorded Chat Completions streams bundled under {@code fixtures/} (see its {@code SOURCES.md}). */
public final class RecordedStreams {
  private RecordedStreams() {}

  /**
   * The bytes of {@code fixtures/<path>}.
   *
   * @throws IllegalArgumentException when there is no such fixture
   */
  public static byte[] bytes(String path) {
    try (InputStream in = RecordedStreams.class.getResourceAsStream("/fixtures/" + path)) {
      if (in == null) {
        throw new IllegalArgumentException("no recorded stream 'fixtures/" + path + "' on the class path");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read fixtures/" + path, e);
    }
  }
}
