package dev.chatstream.pipeline.internals.generation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The id of a reply's assistant message, derived from its conversation and request id so that
 * every attempt of a request, and every replay of the log, names its items alike: an item that
 * arrives twice is recognised by its id and kept once.
 */
public final class MessageIds {
  /** Cloned per id: looking the algorithm up each time costs more than hashing. */
  private static final MessageDigest SHA_256 = sha256();
  private static final HexFormat HEX = HexFormat.of();

  private MessageIds() {}

  /** The id of the assistant message that answers request {@code requestId} of conversation {@code conversationId}. */
  public static String forRequest(String conversationId, String requestId) {
    MessageDigest digest = copy();
    digest.update(conversationId.getBytes(StandardCharsets.UTF_8));
    digest.update((byte) 0);
    digest.update(requestId.getBytes(StandardCharsets.UTF_8));
    return "item_" + HEX.formatHex(digest.digest(), 0, 6);
  }

  private static MessageDigest copy() {
    try {
      return (MessageDigest) SHA_256.clone();
    } catch (CloneNotSupportedException e) {
      return sha256();
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
