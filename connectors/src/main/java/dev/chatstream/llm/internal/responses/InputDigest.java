package dev.chatstream.llm.internal.responses;

import dev.chatstream.llm.format.FormattedItem;
import dev.chatstream.llm.internal.json.Json;
import java.io.UncheckedIOException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The digest a {@link dev.chatstream.llm.state.ResponseChain} keeps of the input a response saw:
 * SHA-256 over each element's JSON (as sent), length-prefixed, cut to 128 bits. Two contexts have
 * the same digest over their first {@code n} elements only when the provider saw exactly those
 * elements.
 */
final class InputDigest {

  private static final int BYTES = 16;

  private InputDigest() {}

  /** The digest of the first {@code count} elements of {@code input}, in lowercase hex. */
  static String of(List<FormattedItem> input, int count) {
    MessageDigest digest = sha256();
    ByteBuffer length = ByteBuffer.allocate(Integer.BYTES);
    try {
      for (int i = 0; i < count; i++) {
        byte[] json = Json.mapper().writeValueAsBytes(input.get(i).json());
        digest.update(length.clear().putInt(json.length).array());
        digest.update(json);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("input element cannot be written as JSON", e);
    }
    return HexFormat.of().formatHex(digest.digest(), 0, BYTES);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
