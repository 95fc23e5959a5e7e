package dev.chatstream.pipeline.internals.llm;

import dev.chatstream.llm.LlmException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * The OAuth access token in a file, read again for every attempt, so that whatever keeps the file fresh
 * (a scheduled {@code gcloud auth print-access-token}, a credentials sidecar) is picked up. Called on a
 * connector thread, never a stream thread. A missing or empty file fails the attempt, which may be
 * retried; the token never appears in an error.
 */
final class AccessTokenFile implements Supplier<String> {

  private final Path file;

  AccessTokenFile(Path file) {
    this.file = file;
  }

  @Override
  public String get() {
    String token;
    try {
      token = Files.readString(file).strip();
    } catch (IOException e) {
      throw new LlmException("cannot read the access token file " + file + ": " + e.getClass().getSimpleName(),
          true, null);
    }
    if (token.isEmpty()) {
      throw new LlmException("the access token file " + file + " is empty", true, null);
    }
    return token;
  }

  @Override
  public String toString() {
    return "AccessTokenFile[" + file + "]";
  }
}
